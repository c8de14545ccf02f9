using ChildInfo.Federation.Planning;

namespace ChildInfo.GatewaysBench.Tests;

/// <summary>How many subgraph calls a plan makes when every fetch has something to fetch: one per fetch, one per batch.</summary>
public static class PlannedCalls
{
    public static int Count(PlanNode? node) => node switch
    {
        null => 0,
        FetchStep => 1,
        FlattenStep => 1,
        BatchStep => 1,
        SequenceStep s => s.Nodes.Sum(Count),
        ParallelStep p => p.Nodes.Sum(Count),
        _ => throw new InvalidOperationException($"A plan step this count does not know: {node.GetType().Name}."),
    };
}
