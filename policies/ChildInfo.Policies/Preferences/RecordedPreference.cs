namespace ChildInfo.Policies.Preferences;

/// <summary>
/// A data-use preference as a subgraph exposes it (<c>DataUsePreference { code dataCategory withheldFromPurposes
/// withheldFromAgencies }</c>), with the agency whose record it was recorded on.
/// </summary>
public sealed record RecordedPreference(
    string SourceAgency,
    string Code,
    string DataCategory,
    IReadOnlyList<string> WithheldFromPurposes,
    IReadOnlyList<string> WithheldFromAgencies);
