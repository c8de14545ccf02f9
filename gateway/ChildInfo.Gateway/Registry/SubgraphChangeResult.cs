using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>How a change ended.</summary>
public enum SubgraphChangeOutcome
{
    /// <summary>Written to the registry and now served.</summary>
    Applied,

    /// <summary>Every check ran; nothing was changed.</summary>
    DryRun,

    /// <summary>Refused: see the problems (and the schema changes, when the refusal is for breaking ones).</summary>
    Refused,
}

/// <summary>The answer to a change: outcome, the revision served afterwards, problems and the API schema's diff.</summary>
public sealed record SubgraphChangeResult(
    SubgraphChangeOutcome Outcome,
    string Message,
    long Revision,
    IReadOnlyList<RegistryProblem> Problems,
    SchemaChangeReport? SchemaChanges = null,
    string? SdlHash = null)
{
    /// <summary>What was let through but should change (a forced cross-subgraph non-null field, for one).</summary>
    public IReadOnlyList<RegistryProblem> Warnings { get; init; } = [];
}
