using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Authorisation;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// One aggregate request as the audit sees it, built by the analytics endpoint and handed to
/// <see cref="GatewayAudit.RecordAggregateAsync"/> once, before the answer is written: who asked and why, the operation
/// text, the status answered and, when a question was answered, what it released. It names no child.
/// </summary>
public sealed record AggregateRecord(string RequestId, GatewayRequestContext Context)
{
    public string? Query { get; init; }

    public int Status { get; init; }

    /// <summary>What the question released; null when none was answered.</summary>
    public AggregateRelease? Release { get; init; }
}
