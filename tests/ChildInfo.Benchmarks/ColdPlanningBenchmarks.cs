using System.Globalization;
using BenchmarkDotNet.Attributes;
using ChildInfo.Federation;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Benchmarks;

/// <summary>
/// Parse + validate + plan, cold, of a joined-up child query over the demo's five subgraphs. Target: under 1 ms.
/// Baseline: what any GraphQL.NET server does for the same text (parse and validate), with no planning.
/// </summary>
[MemoryDiagnoser]
public class ColdPlanningBenchmarks
{
    private readonly DocumentValidator _validator = new();
    private FederationEngine _gateway = null!;
    private GatewayRequest _request = null!;
    private Inputs _inputs = null!;
    private int _scope;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = FederationEngine.Create(Fixtures.DemoSupergraph(), new Fixtures.NoTransport());
        _request = new GatewayRequest(Fixtures.ChildQuery, null, Fixtures.ChildVariables);
        _inputs = new GraphQLSerializer().ReadNode<Inputs>(Fixtures.ChildVariables)!;
        var check = _gateway.PrepareAsync(_request).GetAwaiter().GetResult();
        if (!check.Succeeded)
        {
            throw new InvalidOperationException("The child query does not plan: " + check.Error!.ToJson());
        }
    }

    [Benchmark(Baseline = true, Description = "parse + validate (GraphQL.NET)")]
    public async Task<bool> ParseAndValidate()
    {
        var document = Parser.Parse(Fixtures.ChildQuery);
        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _gateway.ApiSchema,
            Document = document,
            Operation = (GraphQLOperationDefinition)document.Definitions[0],
            Rules = DocumentValidator.CoreRules,
            Variables = _inputs,
        }).ConfigureAwait(false);
        return result.IsValid;
    }

    /// <summary>A new scope key each time misses the plan cache, so every call parses, validates and plans.</summary>
    [Benchmark(Description = "parse + validate + plan, cold (gateway)")]
    public Task<PrepareResult> PrepareCold() =>
        _gateway.PrepareAsync(_request, (++_scope).ToString(CultureInfo.InvariantCulture));
}
