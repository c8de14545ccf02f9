namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>A social care or early help team (<c>ssd_department</c>).</summary>
public sealed record Team(string TeamId, string Name, string? ParentId, string? ParentName);
