using System.Collections.Immutable;

namespace ChildInfo.Policies.Preferences;

/// <summary>Decisions on every preference recorded for one child, for one request's role and purpose.</summary>
public sealed record PreferenceEvaluation(ImmutableArray<PreferenceDecision> Decisions)
{
    public static readonly PreferenceEvaluation None = new([]);

    public IEnumerable<PreferenceDecision> Withheld => Decisions.Where(d => d.Outcome == PreferenceOutcome.Withheld);

    /// <summary>Overrides to record and flag (only a purpose that may override preferences produces them).</summary>
    public IEnumerable<PreferenceDecision> Overridden => Decisions.Where(d => d.Outcome == PreferenceOutcome.Overridden);

    public bool HasOverrides => Decisions.Any(d => d.Outcome == PreferenceOutcome.Overridden);

    /// <summary>Whether fields with <paramref name="label"/> from <paramref name="sourceAgency"/>'s record are withheld.</summary>
    public bool IsWithheld(string sourceAgency, string label)
    {
        foreach (var decision in Decisions)
        {
            if (decision.Outcome == PreferenceOutcome.Withheld && decision.Covers(sourceAgency, label))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the whole of <paramref name="sourceAgency"/>'s record is withheld (category ALL): do not follow the link.</summary>
    public bool IsSourceWithheld(string sourceAgency)
    {
        foreach (var decision in Decisions)
        {
            if (decision.Outcome == PreferenceOutcome.Withheld && decision.AllLabels && decision.Preference.SourceAgency == sourceAgency)
            {
                return true;
            }
        }
        return false;
    }
}
