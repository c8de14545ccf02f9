namespace ChildInfo.GatewaysBench.Inventory;

/// <summary>A product as the inventory subgraph sees it: its key, the fields it requires, and whether it is in stock.</summary>
public sealed record StockedProduct(string Upc, int? Price, int? Weight, bool? InStock);
