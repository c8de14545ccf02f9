namespace ChildInfo.Gateway.Diagnostics;

/// <summary>How one call to a subgraph ended and how long it took, for metrics. <see cref="Outcome"/> is one of the constants here.</summary>
public sealed record SubgraphCallMeasure(string Subgraph, string Outcome, TimeSpan Duration)
{
    public const string Ok = "ok";

    /// <summary>The subgraph answered HTTP 5xx, or the exchange broke.</summary>
    public const string Failed = "failed";

    public const string Timeout = "timeout";

    /// <summary>Not made: the subgraph's circuit is open.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>No connection could be made.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Given up by the gateway (the client went away, or the request's deadline passed).</summary>
    public const string Cancelled = "cancelled";
}
