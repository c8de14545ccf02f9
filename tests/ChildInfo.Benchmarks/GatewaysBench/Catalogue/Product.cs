namespace ChildInfo.GatewaysBench.Catalogue;

/// <summary>A product (products subgraph); whether it is in stock lives in the inventory subgraph.</summary>
public sealed record Product(string Upc, string Name, int Price, int Weight, bool InStock);
