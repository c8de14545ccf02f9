using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation;

/// <summary>Settings of a <see cref="FederatedGateway"/>.</summary>
public sealed record FederatedGatewayOptions
{
    /// <summary>Longest query text accepted, in characters.</summary>
    public int MaxQueryLength { get; init; } = 100_000;

    /// <summary>Deepest field nesting accepted.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Deepest nesting the parser accepts before giving up (guards the stack).</summary>
    public int MaxParserDepth { get; init; } = 256;

    /// <summary>Bounds on planning.</summary>
    public QueryPlannerOptions Planner { get; init; } = new();

    /// <summary>Most plans kept in the plan cache.</summary>
    public int PlanCacheSize { get; init; } = 1_000;

    /// <summary>
    /// How long one client request may wait for its subgraph calls, all of them together: a fetch still running then
    /// is cancelled and its fields come back null with a <c>SUBREQUEST_TIMEOUT</c> error at their paths, and fetches
    /// that depend on it are not sent, so one slow agency costs its own fields and never holds the practitioner longer.
    /// </summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one subgraph call may take, when shorter than what is left of <see cref="RequestDeadline"/>; null: no bound of its own.</summary>
    public TimeSpan? SubgraphTimeout { get; init; }

    /// <summary>Per-subgraph timeouts that replace <see cref="SubgraphTimeout"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> SubgraphTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered.</summary>
    public bool EnableIntrospection { get; init; } = true;

    internal TimeSpan? TimeoutFor(string subgraph) =>
        SubgraphTimeouts.TryGetValue(subgraph, out var timeout) ? timeout : SubgraphTimeout;
}
