using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>One subgraph request as the gateway sent it: where, its exact body, every header, and its signed context.</summary>
public sealed record RecordedCall(Uri Url, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Context, string? Justification)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Records every subgraph request the gateway sends, by the justification signed into its context (the gateway
/// sends caller text nowhere else), so a test finds the calls of its own request by a unique justification.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public ConcurrentDictionary<string, ConcurrentQueue<string>> BodiesByMarker { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> All { get; } = new();

    /// <summary>The signed context (<c>ChildInfo-Context</c>) of every subgraph request, by its justification.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> ContextsByMarker { get; } = new(StringComparer.Ordinal);

    /// <summary>The calls whose context carries <paramref name="marker"/> as its justification.</summary>
    public IReadOnlyList<RecordedCall> CallsByMarker(string marker) => [.. Calls.Where(c => c.Justification == marker)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        var context = request.Headers.TryGetValues(SubgraphContextToken.HeaderName, out var contexts) ? string.Join(",", contexts) : null;
        var marker = context is null ? "" : JustificationOf(context) ?? "";
        var call = new RecordedCall(request.RequestUri!, body, headers, context, marker);
        Calls.Enqueue(call);
        All.Enqueue(call.BodyText);
        BodiesByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(call.BodyText);
        if (context is not null)
        {
            ContextsByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(context);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The justification claim of a token, read without checking it (the subgraphs check it).</summary>
    private static string? JustificationOf(string token)
    {
        var parts = token.Split('.');
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return payload.RootElement.TryGetProperty(SubgraphContextClaims.Justification, out var value) ? value.GetString() : null;
    }
}
