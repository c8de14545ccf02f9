using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Benchmarks;

/// <summary>
/// Merging a large result: 1,000 entities, 10 fields from the root subgraph and 10 more through one <c>_entities</c>
/// fetch, written as the client's response. Subgraph answers are canned bytes, so this measures the gateway's own
/// work (representations, parsing, merging, writing). Baseline: parsing the two answers and writing them back out
/// with System.Text.Json, the floor for any JSON-forwarding gateway.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private const int Entities = 1_000;
    private byte[] _items = null!;
    private byte[] _details = null!;
    private FederationEngine _gateway = null!;
    private PreparedOperation _operation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _items = Answer("items", "f", withTypename: true);
        _details = Answer("_entities", "g", withTypename: false);
        _gateway = FederationEngine.Create(Fixtures.MergeSupergraph(), new CannedTransport(this));
        var fields = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"f{i:00} g{i:00}"));
        var prepared = _gateway.PrepareAsync(new GatewayRequest("{ items { id " + fields + " } }")).GetAwaiter().GetResult();
        _operation = prepared.Operation ?? throw new InvalidOperationException(prepared.Error!.ToJson());
        var result = _gateway.ExecuteAsync(_operation).GetAwaiter().GetResult();
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(result.ToJson());
        }
    }

    [Benchmark(Baseline = true, Description = "parse + write both answers (System.Text.Json)")]
    public int ParseAndWrite()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var items = JsonDocument.Parse(_items);
        using var details = JsonDocument.Parse(_details);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            items.RootElement.WriteTo(writer);
            details.RootElement.WriteTo(writer);
            writer.WriteEndArray();
        }

        return buffer.WrittenCount;
    }

    [Benchmark(Description = "execute + merge 1,000 entities x 20 fields (gateway)")]
    public async Task<int> ExecuteAndMerge()
    {
        var result = await _gateway.ExecuteAsync(_operation).ConfigureAwait(false);
        return result.DataJson.Length;
    }

    private static byte[] Answer(string field, string prefix, bool withTypename)
    {
        var json = new StringBuilder("{\"data\":{\"").Append(field).Append("\":[");
        for (var i = 0; i < Entities; i++)
        {
            json.Append(i == 0 ? "{" : ",{");
            if (withTypename)
            {
                json.Append("\"__typename\":\"Item\",\"id\":\"item-").Append(i).Append("\",");
            }

            json.Append('"').Append(prefix).Append("01\":\"a fairly ordinary string value ").Append(i).Append('"')
                .Append(",\"").Append(prefix).Append("02\":\"another string ").Append(i).Append('"')
                .Append(",\"").Append(prefix).Append("03\":").Append(i)
                .Append(",\"").Append(prefix).Append("04\":").Append(i * 7)
                .Append(",\"").Append(prefix).Append("05\":").Append(i % 2 == 0 ? "true" : "false")
                .Append(",\"").Append(prefix).Append("06\":\"Northshire\"")
                .Append(",\"").Append(prefix).Append("07\":null")
                .Append(",\"").Append(prefix).Append("08\":").Append(i).Append(".5")
                .Append(",\"").Append(prefix).Append("09\":\"AB1 2CD\"")
                .Append(",\"").Append(prefix).Append("10\":\"2026-09-01\"}");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}}").ToString());
    }

    /// <summary>Answers each subgraph with its canned bytes.</summary>
    private sealed class CannedTransport(MergeBenchmarks owner) : ISubgraphTransport
    {
        public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(SubgraphResponse.Parse(request.Subgraph.Name == "items" ? owner._items : owner._details));
    }
}
