using System.Collections.Concurrent;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>Records the body and signed context of every subgraph request the gateway sends, by the request's justification header.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentDictionary<string, ConcurrentQueue<string>> BodiesByMarker { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> All { get; } = new();

    /// <summary>The signed context (<c>ChildInfo-Context</c>) of every subgraph request, by justification header.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> ContextsByMarker { get; } = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        All.Enqueue(body);
        var marker = request.Headers.TryGetValues("ChildInfo-Justification", out var values) ? string.Join(",", values) : "";
        BodiesByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(body);
        if (request.Headers.TryGetValues("ChildInfo-Context", out var contexts))
        {
            ContextsByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(string.Join(",", contexts));
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
