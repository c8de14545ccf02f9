namespace ChildInfo.GatewaysBench.Reviews;

/// <summary>A user as the reviews subgraph sees one: the key, and the username only where the subgraph provides it.</summary>
public sealed record Reviewer(string Id, string? Username);
