using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Benchmarks;

/// <summary>
/// The plan-cache hit path: a request whose operation was planned before (text lookup, variables checked against
/// their definitions, plan chosen). Target: under 5 KB allocated. Baseline: parsing the same text, the least any
/// server does per request.
/// </summary>
[MemoryDiagnoser]
public class PlanCacheHitBenchmarks
{
    private FederationEngine _gateway = null!;
    private GatewayRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = FederationEngine.Create(Fixtures.DemoSupergraph(), new Fixtures.NoTransport());
        _request = new GatewayRequest(Fixtures.ChildQuery, null, Fixtures.ChildVariables);
        var first = _gateway.PrepareAsync(_request).GetAwaiter().GetResult();
        if (!first.Succeeded)
        {
            throw new InvalidOperationException("The child query does not plan: " + first.Error!.ToJson());
        }
    }

    [Benchmark(Baseline = true, Description = "parse only (GraphQL-Parser)")]
    public GraphQLDocument ParseOnly() => Parser.Parse(Fixtures.ChildQuery);

    [Benchmark(Description = "prepare, plan-cache hit (gateway)")]
    public Task<PrepareResult> PrepareCached() => _gateway.PrepareAsync(_request);
}
