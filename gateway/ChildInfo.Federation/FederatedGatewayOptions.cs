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

    /// <summary>How long a subgraph may take to answer.</summary>
    public TimeSpan SubgraphTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-subgraph timeouts that replace <see cref="SubgraphTimeout"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> SubgraphTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered.</summary>
    public bool EnableIntrospection { get; init; } = true;

    internal TimeSpan TimeoutFor(string subgraph) =>
        SubgraphTimeouts.TryGetValue(subgraph, out var timeout) ? timeout : SubgraphTimeout;
}
