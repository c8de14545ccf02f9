namespace ChildInfo.GatewaysBench.Hosting;

/// <summary>How to start the benchmark's subgraphs.</summary>
public sealed record BenchSubgraphsOptions
{
    /// <summary>Answer a body seen before from memory (see <see cref="SubgraphEndpoint"/>).</summary>
    public bool Replay { get; init; }

    /// <summary>The loopback address to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>accounts listens on this port, inventory on the next, then products, then reviews; 0 takes free ports.</summary>
    public int FirstPort { get; init; }
}
