namespace ChildInfo.Audit.Records;

/// <summary>For one child touched by a request: what was shown and what was withheld.</summary>
public sealed record ChildDisclosure(string ChildId, IReadOnlyList<DisclosedField> Disclosed, IReadOnlyList<WithheldField> Withheld)
{
    /// <summary>What the request asked to record on the child's behalf (empty for a request that only read).</summary>
    public IReadOnlyList<RecordedField> Recorded { get; init; } = [];

    /// <summary>What was sent from one service to another for this child to compute a field (empty for most requests).</summary>
    public IReadOnlyList<SentField> Sent { get; init; } = [];
}
