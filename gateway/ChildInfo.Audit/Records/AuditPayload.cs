namespace ChildInfo.Audit.Records;

/// <summary>
/// The part of a record that retention removes: the justification, the operation text, what was shown and withheld
/// for each child, and the preferences set aside. The record's hash covers a digest of it, so removing it leaves the
/// chain verifiable.
/// </summary>
public sealed record AuditPayload(
    string? Justification,
    string OperationText,
    IReadOnlyList<ChildDisclosure> Children,
    IReadOnlyList<PreferenceOverride> PreferenceOverrides)
{
    /// <summary>What an aggregate question released; null for every other request.</summary>
    public AggregateRelease? Aggregate { get; init; }
}
