namespace ChildInfo.GatewaysBench.Hosting;

/// <summary>The four subgraphs of the benchmark, in the order their ports are given.</summary>
public static class BenchSubgraph
{
    public const string Accounts = "accounts";
    public const string Inventory = "inventory";
    public const string Products = "products";
    public const string Reviews = "reviews";

    public static IReadOnlyList<string> All { get; } = [Accounts, Inventory, Products, Reviews];
}
