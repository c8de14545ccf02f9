using ChildInfo.Federation.Composition;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>The subgraph registry a host follows and system owners change at runtime (DESIGN.md section 8).</summary>
public sealed record RegistryHostOptions
{
    /// <summary>Where the registry persists: Redis when configured (shared by every replica), else a local file.</summary>
    public required IRegistryStore Store { get; init; }

    /// <summary>
    /// The subgraphs the host was started with, with their SDLs (the embedded demo's five). Null: they are the
    /// supergraph's <c>join__Graph</c> subgraphs, whose SDLs are fetched with <c>_service { sdl }</c> on the first change.
    /// </summary>
    public IReadOnlyList<SubgraphSdl>? Configured { get; init; }

    /// <summary>How often each subgraph is asked whether it answers.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether the host disposes <see cref="Store"/> when it stops.</summary>
    public bool OwnsStore { get; init; } = true;
}
