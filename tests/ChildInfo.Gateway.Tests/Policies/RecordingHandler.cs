using System.Collections.Concurrent;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>Records the body of every subgraph request the gateway sends, by the request's justification header.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentDictionary<string, ConcurrentQueue<string>> BodiesByMarker { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> All { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        All.Enqueue(body);
        var marker = request.Headers.TryGetValues("ChildInfo-Justification", out var values) ? string.Join(",", values) : "";
        BodiesByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(body);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
