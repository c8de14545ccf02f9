namespace ChildInfo.Gateway.Registry;

/// <summary>What a system owner asks of the registry.</summary>
public enum SubgraphChangeKind
{
    Add,
    Update,
    Remove,
}

/// <summary>
/// One change to the registry. <see cref="DryRun"/> runs every check and reports the schema diff without changing
/// anything; <see cref="Force"/> applies a change that would break queries the running supergraph answers, or whose
/// subgraph declares a cross-subgraph field non-null (then one outage of it would blank the whole parent object); it
/// never forces past composition errors or unclassified fields: those would leave nothing safe to serve.
/// </summary>
public sealed record SubgraphChange(
    SubgraphChangeKind Kind,
    string Name,
    string? Url = null,
    string? Classifications = null,
    bool DryRun = false,
    bool Force = false);
