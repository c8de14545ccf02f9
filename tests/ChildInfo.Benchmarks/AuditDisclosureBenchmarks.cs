using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Audit;

namespace ChildInfo.Benchmarks;

/// <summary>
/// What the audit costs a response on top of executing it: working out which children it showed and which of their
/// fields. One child or a list of 1,000, each with 21 fields from two subgraphs (canned answers, as in
/// <see cref="MergeBenchmarks"/>, with the entity type named <c>Child</c> so every field is disclosed). Baseline:
/// execute and merge with no audit. Compared: the walk over the response parsed back from its JSON (how the audit
/// read it before) and the walk over the merged result while the engine holds it (how it reads it now).
/// </summary>
[MemoryDiagnoser]
public class AuditDisclosureBenchmarks
{
    private byte[] _children = null!;
    private byte[] _details = null!;
    private FederationEngine _gateway = null!;
    private PreparedOperation _operation = null!;
    private AuditFieldLabels _labels = null!;

    [Params(1, 1_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _children = Answer("items", "f", withTypename: true);
        _details = Answer("_entities", "g", withTypename: false);
        _gateway = FederationEngine.Create(Fixtures.MergeSupergraph().Replace("Item", "Child", StringComparison.Ordinal), new CannedTransport(this));
        var fields = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"f{i:00} g{i:00}"));
        var prepared = _gateway.PrepareAsync(new GatewayRequest("{ items { id " + fields + " } }")).GetAwaiter().GetResult();
        _operation = prepared.Operation ?? throw new InvalidOperationException(prepared.Error!.ToJson());
        _labels = new AuditFieldLabels(null);
        var before = ParsedBack().GetAwaiter().GetResult();
        var now = FromMergedResult().GetAwaiter().GetResult();
        if (before != Children * 21 || now != before)
        {
            throw new InvalidOperationException($"Expected {Children * 21} disclosed fields both ways; parsed back {before}, merged {now}.");
        }
    }

    [Benchmark(Baseline = true, Description = "execute + merge, no audit")]
    public async Task<int> ExecuteOnly()
    {
        var result = await _gateway.ExecuteAsync(_operation).ConfigureAwait(false);
        return result.DataJson.Length;
    }

    [Benchmark(Description = "execute + merge, then parse the data back and walk it (audit before)")]
    public async Task<int> ParsedBack()
    {
        var result = await _gateway.ExecuteAsync(_operation).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.DataJson);
        var children = ChildDisclosureWalker.Walk(_gateway.Supergraph, _operation.Document, null, document.RootElement, _labels.Of);
        return children.Values.Sum(c => c.Count);
    }

    [Benchmark(Description = "execute + merge, walking the merged result (audit now)")]
    public async Task<int> FromMergedResult()
    {
        var reader = new ResponseDisclosureReader(_gateway.Supergraph, _operation.Document, null, _labels.Of);
        await _gateway.ExecuteAsync(_operation, reader).ConfigureAwait(false);
        return reader.Disclosure!.Children.Values.Sum(c => c.Count);
    }

    private byte[] Answer(string field, string prefix, bool withTypename)
    {
        var json = new StringBuilder("{\"data\":{\"").Append(field).Append("\":[");
        for (var i = 0; i < Children; i++)
        {
            json.Append(i == 0 ? "{" : ",{");
            if (withTypename)
            {
                json.Append("\"__typename\":\"Child\",\"id\":\"CH-").Append(i).Append("\",");
            }

            json.Append('"').Append(prefix).Append("01\":\"a fairly ordinary string value ").Append(i).Append('"')
                .Append(",\"").Append(prefix).Append("02\":\"another string ").Append(i).Append('"')
                .Append(",\"").Append(prefix).Append("03\":").Append(i)
                .Append(",\"").Append(prefix).Append("04\":").Append(i * 7)
                .Append(",\"").Append(prefix).Append("05\":").Append(i % 2 == 0 ? "true" : "false")
                .Append(",\"").Append(prefix).Append("06\":\"Northshire\"")
                .Append(",\"").Append(prefix).Append("07\":\"AB1 2CD\"")
                .Append(",\"").Append(prefix).Append("08\":").Append(i).Append(".5")
                .Append(",\"").Append(prefix).Append("09\":\"AB1 2CD\"")
                .Append(",\"").Append(prefix).Append("10\":\"2026-09-01\"}");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}}").ToString());
    }

    /// <summary>Answers each subgraph with its canned bytes.</summary>
    private sealed class CannedTransport(AuditDisclosureBenchmarks owner) : ISubgraphTransport
    {
        public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(SubgraphResponse.Parse(request.Subgraph.Name == "items" ? owner._children : owner._details));
    }
}
