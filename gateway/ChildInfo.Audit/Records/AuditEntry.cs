namespace ChildInfo.Audit.Records;

/// <summary>
/// What the gateway knows about one request when it is about to answer: the input to <see cref="AuditLog.AppendAsync"/>.
/// The operation text is kept (normalised); variables are never passed here and never stored.
/// </summary>
public sealed record AuditEntry
{
    public required string RequestId { get; init; }
    public required string User { get; init; }
    public required string Role { get; init; }
    public required string Organisation { get; init; }
    public required string Purpose { get; init; }
    public string? Justification { get; init; }
    public required string OperationText { get; init; }
    public IReadOnlyList<ChildDisclosure> Children { get; init; } = [];
    public IReadOnlyList<PreferenceOverride> PreferenceOverrides { get; init; } = [];
    public bool BreakGlass { get; init; }

    /// <summary>What an aggregate question released (no child named); null for every other request.</summary>
    public AggregateRelease? Aggregate { get; init; }
    public required AuditOutcome Outcome { get; init; }
}
