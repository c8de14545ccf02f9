using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Registry;

/// <summary>A built revision, or the problems that stopped it; with what composed but should change.</summary>
public sealed record RevisionBuild(GatewayRevision? Revision, IReadOnlyList<RegistryProblem> Problems)
{
    /// <summary>Composition's warnings, each naming the subgraph that should change.</summary>
    public IReadOnlyList<CompositionError> Warnings { get; init; } = [];

    public static RevisionBuild Succeeded(GatewayRevision revision, IReadOnlyList<CompositionError> warnings) => new(revision, []) { Warnings = warnings };

    public static RevisionBuild Failed(IEnumerable<RegistryProblem> problems) => new(null, [.. problems]);
}
