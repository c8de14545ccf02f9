using System.Collections.Immutable;

namespace ChildInfo.Policies.Preferences;

/// <summary>
/// The decision on one recorded preference: outcome, stable code, plain reason, and the labels of the source
/// agency's record it covers (<see cref="AllLabels"/> when the category is ALL: the whole record).
/// </summary>
public sealed record PreferenceDecision(
    RecordedPreference Preference,
    PreferenceOutcome Outcome,
    string Code,
    string Reason,
    string Rule,
    bool AllLabels,
    ImmutableArray<string> Labels)
{
    /// <summary>Whether this decision covers <paramref name="label"/> of the preference's source agency.</summary>
    public bool Covers(string sourceAgency, string label) =>
        Preference.SourceAgency == sourceAgency && (AllLabels || Labels.Contains(label));
}
