namespace ChildInfo.GatewaysBench;

/// <summary>The benchmark's operations (gateways/queries/*.graphql, embedded).</summary>
public static class BenchQueries
{
    /// <summary>users and topProducts, then reviews, authors, their reviews and products, down five levels: every subgraph, several times.</summary>
    public static string Deep { get; } = Read("deep.graphql");

    /// <summary>topProducts' own fields: one fetch from the products subgraph.</summary>
    public static string OneFetch { get; } = Read("one-fetch.graphql");

    private static string Read(string file)
    {
        using var stream = typeof(BenchQueries).Assembly.GetManifestResourceStream("queries/" + file)
            ?? throw new InvalidOperationException($"The query '{file}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
