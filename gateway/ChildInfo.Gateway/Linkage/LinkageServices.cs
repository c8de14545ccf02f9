using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Linkage.Store;

namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// What the linkage job shares across runs: its settings, the plain HTTP client to the agencies (a run's calls are
/// few and large, with their own deadline), the context signer, the subgraph URLs the host overrides, the store, and
/// a gate that lets one run write at a time.
/// </summary>
public sealed class LinkageServices(LinkageJobOptions options, HttpClient client, SubgraphContextSigner? signer, IReadOnlyDictionary<string, string> urlOverrides)
{
    public LinkageJobOptions Options => options;

    public HttpClient Client => client;

    public SubgraphContextSigner? Signer => signer;

    public LinkageStore Store { get; } = new(options.ChildIndex);

    /// <summary>Held by the run in progress: a second run is refused rather than queued.</summary>
    public SemaphoreSlim RunGate { get; } = new(1, 1);

    /// <summary>The subgraph's URL: the host's override by name, else the supergraph's.</summary>
    public Uri UrlOf(SubgraphInfo subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        return new Uri(urlOverrides.TryGetValue(subgraph.Name, out var url) ? url : subgraph.Url);
    }
}
