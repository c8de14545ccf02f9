namespace ChildInfo.GatewaysBench.Catalogue;

/// <summary>An account (accounts subgraph).</summary>
public sealed record User(string Id, string Name, string Username, int Birthday);
