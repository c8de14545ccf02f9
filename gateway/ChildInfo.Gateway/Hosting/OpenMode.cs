namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// The development mode for trying the engine on any supergraph (<c>childinfo serve --supergraph FILE --open</c>): no
/// identity, no purpose and no policies, so every caller may read every field. Requests are still audited. It runs
/// only in the Development environment and says so at start and on <c>/health</c>.
/// </summary>
public static class OpenMode
{
    public const string Warning =
        "OPEN MODE: this gateway checks no identity, no purpose and no policies; every caller may read every field of every subgraph. "
        + "Development only: never expose it beyond this machine or point it at real data. Requests are still audited.";

    /// <summary>Whether open mode may run in <paramref name="environment"/> (the .NET environment name).</summary>
    public static bool IsAllowedIn(string environment) => string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase);
}
