using ChildInfo.Federation.Transport;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// Sends to another URL than the supergraph's <c>join__Graph</c> value for the named subgraphs (for example when the
/// demo's subgraphs had to take free ports), then hands over to the inner transport.
/// </summary>
public sealed class SubgraphUrlOverrides : ISubgraphTransport
{
    private readonly ISubgraphTransport _inner;
    private readonly IReadOnlyDictionary<string, string> _urls;

    public SubgraphUrlOverrides(ISubgraphTransport inner, IReadOnlyDictionary<string, string> urlsBySubgraphName)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _urls = urlsBySubgraphName ?? throw new ArgumentNullException(nameof(urlsBySubgraphName));
    }

    public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _urls.TryGetValue(request.Subgraph.Name, out var url) && url != request.Subgraph.Url
            ? _inner.SendAsync(request with { Subgraph = request.Subgraph with { Url = url } }, cancellationToken)
            : _inner.SendAsync(request, cancellationToken);
    }
}
