using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Registry;

/// <summary>A built revision, or the problems that stopped it.</summary>
public sealed record RevisionBuild(GatewayRevision? Revision, IReadOnlyList<RegistryProblem> Problems)
{
    public static RevisionBuild Succeeded(GatewayRevision revision) => new(revision, []);

    public static RevisionBuild Failed(IEnumerable<RegistryProblem> problems) => new(null, [.. problems]);
}
