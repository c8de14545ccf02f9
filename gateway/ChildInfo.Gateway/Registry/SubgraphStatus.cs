namespace ChildInfo.Gateway.Registry;

/// <summary>Whether a subgraph answered when last asked, and since when that has been so.</summary>
public sealed record SubgraphStatus(bool Answering, DateTimeOffset CheckedAt, DateTimeOffset Since);
