using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>Routes subgraph requests to in-process subgraphs; can make a subgraph fail or hang, and logs every call.</summary>
internal sealed class InProcessTransport : ISubgraphTransport
{
    private readonly Dictionary<string, CannedSubgraph> _subgraphs;

    public InProcessTransport(IEnumerable<CannedSubgraph> subgraphs)
    {
        _subgraphs = subgraphs.ToDictionary(s => s.Name);
    }

    public HashSet<string> Failing { get; } = [];

    public HashSet<string> Hanging { get; } = [];

    /// <summary>One line per call: subgraph name and number of representations sent.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The subgraph's first validation error for <paramref name="operationText"/> against its own SDL; null when valid.</summary>
    public Task<string?> ValidationErrorAsync(string subgraph, string operationText) => _subgraphs[subgraph].ValidationErrorAsync(operationText);

    public async Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        var name = request.Subgraph.Name;
        var body = Encoding.UTF8.GetString(request.Body.Span);
        Bodies.Enqueue(name + " " + body);
        using (var parsed = JsonDocument.Parse(request.Body))
        {
            // One count per _entities selection of the call (a batched call has one representations variable each).
            var counts = parsed.RootElement.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object
                ? variables.EnumerateObject()
                    .Where(v => v.Value.ValueKind == JsonValueKind.Array && v.Name.EndsWith("representations", StringComparison.Ordinal)
                        || v.Name.StartsWith("fed__representations", StringComparison.Ordinal))
                    .Select(v => v.Value.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .ToList()
                : [];
            Calls.Enqueue(counts.Count == 0 ? name : $"{name} ({string.Join(" + ", counts)} representations)");
        }

        await Task.Yield();
        if (Failing.Contains(name))
        {
            throw new HttpRequestException("Connection refused");
        }

        if (Hanging.Contains(name))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var response = await _subgraphs[name].ExecuteAsync(request.Body, cancellationToken);
        return SubgraphResponse.Parse(response);
    }
}
