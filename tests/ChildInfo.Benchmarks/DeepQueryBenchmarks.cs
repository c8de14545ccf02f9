using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Registry;
using ChildInfo.GatewaysBench;
using ChildInfo.GatewaysBench.Hosting;

namespace ChildInfo.Benchmarks;

/// <summary>
/// The gateways benchmark's deep query (four subgraphs, seven calls, an 87.6 KB answer) through the engine alone:
/// planning cached, every subgraph answer replayed from memory, so what is measured is the engine's own work per
/// request (representations, parsing the answers, merging, writing the response) and what it allocates, with no
/// network and none of the host. The answers are recorded once, at setup, from the benchmark's real subgraphs.
/// </summary>
[MemoryDiagnoser]
public class DeepQueryBenchmarks
{
    private FederationEngine _engine = null!;
    private PreparedOperation _operation = null!;
    private JsonDocument[] _answers = [];
    private byte[][] _answerBytes = [];
    private JsonDocument _response = null!;
    private readonly ArrayBufferWriter<byte> _written = new(128 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        var recorded = RecordAsync().GetAwaiter().GetResult();
        _engine = FederationEngine.Create(recorded.Supergraph, new ReplayTransport(recorded.Answers));
        _answerBytes = [.. recorded.Answers.Values];
        _answers = [.. _answerBytes.Select(answer => JsonDocument.Parse(answer))];
        var prepared = _engine.PrepareAsync(new GatewayRequest(BenchQueries.Deep)).GetAwaiter().GetResult();
        _operation = prepared.Operation ?? throw new InvalidOperationException(prepared.Error!.ToJson());
        var size = DeepQuery().GetAwaiter().GetResult();
        if (size < 80_000)
        {
            throw new InvalidOperationException($"The deep query's data is {size} bytes: the replay is not the benchmark's answer.");
        }

        var result = _engine.ExecuteAsync(_operation).GetAwaiter().GetResult();
        _response = JsonDocument.Parse(result.DataJson.ToArray()); // a copy: the result's buffer goes back to the pool
        result.ReleaseBuffers();
    }

    /// <summary>
    /// The floor for any way of executing the deep query: its seven answers parsed and its response's bytes written,
    /// with System.Text.Json and nothing else (no representations, no merging, no checks).
    /// </summary>
    [Benchmark(Baseline = true, Description = "baseline: parse the seven answers, write the response's JSON")]
    public int ParseAnswersAndWriteResponse()
    {
        var parsed = 0;
        foreach (var answer in _answerBytes)
        {
            using var document = JsonDocument.Parse(answer);
            parsed += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        _written.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_written))
        {
            _response.WriteTo(writer);
        }

        return parsed + _written.WrittenCount;
    }

    [Benchmark(Description = "deep query: execute, merge, write (replayed answers)")]
    public async Task<int> DeepQuery()
    {
        var result = await _engine.ExecuteAsync(_operation).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(result.ToJson());
        }

        var size = result.DataJson.Length;
        result.ReleaseBuffers();
        return size;
    }

    /// <summary>What checking every answer's text as it arrives costs the deep query (part of the benchmark above).</summary>
    [Benchmark(Description = "deep query: its seven answers checked for well-formed text")]
    public int CheckAnswers()
    {
        var wellFormed = 0;
        foreach (var answer in _answers)
        {
            wellFormed += WellFormedText.Check(answer.RootElement) ? 1 : 0;
        }

        return wellFormed == _answers.Length ? wellFormed : throw new InvalidOperationException("An answer of the benchmark's subgraphs is not well-formed text.");
    }

    /// <summary>Starts the four subgraphs, composes them, and records every call of one deep query with its answer.</summary>
    private static async Task<(string Supergraph, Dictionary<ReadOnlyMemory<byte>, byte[]> Answers)> RecordAsync()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions()).ConfigureAwait(false);
        using var client = new HttpClient();
        var sdls = new List<SubgraphSdl>();
        foreach (var name in BenchSubgraph.All)
        {
            sdls.Add(new SubgraphSdl(name, subgraphs.Urls[name], await SubgraphSdlFetcher.FetchAsync(client, subgraphs.Urls[name], CancellationToken.None).ConfigureAwait(false)));
        }

        var composed = SupergraphComposer.Compose(sdls);
        var supergraph = composed.Supergraph ?? throw new InvalidOperationException(string.Join("; ", composed.Errors.Select(e => e.Message)));
        var recorder = new RecordingTransport(new HttpSubgraphTransport(client));
        var engine = FederationEngine.Create(supergraph, recorder);
        var result = await engine.ExecuteAsync(new GatewayRequest(BenchQueries.Deep)).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(result.ToJson());
        }

        return (supergraph, recorder.Answers);
    }

    private sealed class RecordingTransport(ISubgraphTransport inner) : ISubgraphTransport
    {
        public Dictionary<ReadOnlyMemory<byte>, byte[]> Answers { get; } = new(BodyComparer.Instance);

        public async Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            var body = request.Body.ToArray();
            var response = await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = JsonSerializer.SerializeToUtf8Bytes(response.Document.RootElement);
            lock (Answers)
            {
                Answers[body] = answer;
            }

            return response;
        }
    }

    /// <summary>Answers each body with what the subgraph answered it at setup; an unknown body is an error, not a guess.</summary>
    private sealed class ReplayTransport(Dictionary<ReadOnlyMemory<byte>, byte[]> answers) : ISubgraphTransport
    {
        public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
            answers.TryGetValue(request.Body, out var answer)
                ? Task.FromResult(SubgraphResponse.Parse(answer))
                : throw new InvalidOperationException($"No recorded answer for a call to {request.Subgraph.Name}.");
    }

    private sealed class BodyComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static readonly BodyComparer Instance = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }
}
