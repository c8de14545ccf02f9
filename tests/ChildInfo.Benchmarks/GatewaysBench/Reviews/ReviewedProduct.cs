namespace ChildInfo.GatewaysBench.Reviews;

/// <summary>A product as the reviews subgraph sees one: its key.</summary>
public sealed record ReviewedProduct(string Upc);
