using ChildInfo.Federation.Composition;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// The subgraphs the host was started with: given with their SDLs (the embedded demo), or read from the served
/// supergraph's <c>join__Graph</c> URLs and fetched with <c>_service { sdl }</c> once, when a change first needs them.
/// Registered subgraphs of the same name replace them.
/// </summary>
public sealed class ConfiguredSubgraphs : IDisposable
{
    private readonly IReadOnlyList<(string Name, string Url)> _urls;
    private readonly HttpClient _client;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private IReadOnlyList<SubgraphSdl>? _sdls;

    public ConfiguredSubgraphs(IReadOnlyList<SubgraphSdl>? sdls, IReadOnlyList<(string Name, string Url)> urls, HttpClient client)
    {
        _sdls = sdls;
        _urls = urls;
        _client = client;
    }

    public void Dispose() => _fetch.Dispose();

    /// <summary>The names of the configured subgraphs (they cannot be removed through the registry).</summary>
    public IReadOnlyList<string> Names => _sdls?.Select(s => s.Name).ToArray() ?? [.. _urls.Select(u => u.Name)];

    /// <summary>Whether the SDLs are already known (a revision can be built without calling anyone).</summary>
    public bool Known => _sdls is not null;

    /// <summary>The configured subgraphs with their SDLs; throws <see cref="SubgraphSdlException"/> naming the one that cannot be fetched.</summary>
    public async Task<IReadOnlyList<SubgraphSdl>> GetAsync(CancellationToken cancellationToken)
    {
        if (_sdls is { } known)
        {
            return known;
        }

        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sdls ??= await Task.WhenAll(_urls.Select(async u =>
                new SubgraphSdl(u.Name, u.Url, await SubgraphSdlFetcher.FetchAsync(_client, u.Url, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
            return _sdls;
        }
        finally
        {
            _fetch.Release();
        }
    }
}
