namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>A worker's involvement with a child (<c>ssd_involvements</c>), with the worker and team named.</summary>
public sealed record Allocation
{
    public required string InvolvementId { get; init; }
    public required string PersonId { get; init; }
    public required string WorkerId { get; init; }
    public string? WorkerName { get; init; }
    public string? JobTitle { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }

    /// <summary>Role on the case, e.g. Allocated Social Worker.</summary>
    public string? Role { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? ChangeReason { get; init; }
}
