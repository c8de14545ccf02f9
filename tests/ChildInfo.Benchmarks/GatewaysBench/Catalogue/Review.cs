namespace ChildInfo.GatewaysBench.Catalogue;

/// <summary>A review of a product (reviews subgraph).</summary>
public sealed record Review(string Id, string Body, string ProductUpc);
