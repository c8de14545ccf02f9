namespace ChildInfo.Audit.Records;

/// <summary>A child's or family's recorded data-use preference that a purpose with a legal override set aside.</summary>
public sealed record PreferenceOverride(string ChildId, string Preference, string Reason);
