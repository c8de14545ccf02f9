using System.Collections.Frozen;
using System.Collections.Immutable;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Preferences;

/// <summary>
/// Applies a rule's preference handling. A preference concerns a request when the request's purpose is among its
/// withheld purposes, or the role's agency is among its withheld agencies or is the agency a <c>NOT_WITH_*</c> code
/// names. An agency's own record is never withheld from itself. A concerned, honoured preference withholds its
/// data category, unless the rule overrides preferences, in which case it is overridden and flagged.
/// </summary>
internal static class PreferenceEvaluator
{
    public static PreferenceEvaluation Evaluate(
        PolicyScope scope,
        FrozenDictionary<string, ImmutableArray<string>> categories,
        IEnumerable<RecordedPreference> preferences)
    {
        var decisions = ImmutableArray.CreateBuilder<PreferenceDecision>();
        foreach (var preference in preferences)
        {
            decisions.Add(Decide(scope, categories, preference));
        }

        return decisions.Count == 0 ? PreferenceEvaluation.None : new PreferenceEvaluation(decisions.ToImmutable());
    }

    private static PreferenceDecision Decide(PolicyScope scope, FrozenDictionary<string, ImmutableArray<string>> categories, RecordedPreference preference)
    {
        var rule = scope.Rule;
        var agency = scope.Role.Agency;
        var known = categories.TryGetValue(preference.DataCategory, out var labels);
        // An unknown category is treated as ALL: on doubt, withhold more, not less.
        var all = !known || labels.IsEmpty;
        var covered = all ? [] : labels;

        var concerns = preference.WithheldFromPurposes.Contains(scope.Purpose.Id)
            || preference.WithheldFromAgencies.Contains(agency)
            || PreferenceCodes.ExcludedAgency(preference.Code) == agency;
        if (!concerns || preference.SourceAgency == agency)
        {
            return new(preference, PreferenceOutcome.NotApplicable, DecisionCodes.PreferenceNotApplicable,
                $"{preference.Code} does not concern a {scope.Role.Id} acting for {scope.Purpose.Id}.", rule.Id, all, covered);
        }

        if (!rule.Preferences.Honoured.Contains(preference.Code))
        {
            return new(preference, PreferenceOutcome.NotApplicable, DecisionCodes.PreferenceNotApplicable,
                $"Rule {rule.Id} does not honour {preference.Code}.", rule.Id, all, covered);
        }

        var what = all ? $"the whole {preference.SourceAgency} record" : $"{string.Join(", ", covered)} from the {preference.SourceAgency} record";
        if (rule.Preferences.Override)
        {
            return new(preference, PreferenceOutcome.Overridden, DecisionCodes.PreferenceOverridden,
                $"{preference.Code} would withhold {what}; purpose {scope.Purpose.Id} overrides it ({scope.Purpose.LegalBasis}). The override is recorded.",
                rule.Id, all, covered);
        }

        return new(preference, PreferenceOutcome.Withheld, DecisionCodes.PreferenceWithheld,
            $"{preference.Code}: the child's or family's wish withholds {what}.", rule.Id, all, covered);
    }
}
