using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Transport;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Planning;

/// <summary>
/// The fields the planner fetches for itself (record guards' fields, entity keys, required fields) live where a client
/// document cannot reach: names in the planner's namespace are refused before planning, and even a document that
/// skipped that check can neither feed a record guard nor forge an entity key, because both read only the response
/// keys the planner recorded for its own selections.
/// </summary>
public sealed class PlannerNamespaceTests
{
    private static readonly Dictionary<string, string> FileFlags = new() { ["File"] = "flags { code scope }" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{ people { name file { title fed__flags: flags { code: scope scope } } } }", "fed__flags", null)]
    [InlineData("{ people { file { fed__flags: notes } } }", "fed__flags", null)]
    [InlineData("{ people { ...P } } fragment P on Person { file { title fed__flags: notes } }", "fed__flags", null)]
    [InlineData("{ people { file { ... on File { title fed__fileId: title } } } }", "fed__fileId", null)]
    [InlineData("query ($show: Boolean!) { people { file { title fed__flags: notes @include(if: $show) } } }", "fed__flags", """{ "show": true }""")]
    [InlineData("query ($show: Boolean!) { people { file { title fed__flags: notes @include(if: $show) } } }", "fed__flags", """{ "show": false }""")]
    [InlineData("{ people { file { worker { name fed__workerId: name } } } }", "fed__workerId", null)]
    [InlineData("{ people { fed__id: name fed__typename: name } }", "fed__id", null)]
    [InlineData("{ people { file { __typename: title } } }", "__typename", null)]
    [InlineData("{ people { file { fed__flags } } }", "fed__flags", null)]
    [InlineData("{ people { __secret } }", "__secret", null)]
    [InlineData("query ($fed__id: ID) { people { name } }", "$fed__id", null)]
    public async Task Prepare_ReservedName_RefusedBeforeAnythingIsPlannedOrFetched(string query, string name, string? variables)
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("record-guard");
        var request = new GatewayRequest(query, null, variables is null ? null : JsonDocument.Parse(variables).RootElement);

        var prepared = await gateway.PrepareAsync(request, GuardedAllowAll.ScopeKey, new GuardedAllowAll(new FlagGuard(FileFlags)), Token);

        Assert.False(prepared.Succeeded);
        var error = Assert.Single(prepared.Error!.Errors, e => e.Message.Contains("'" + name + "'", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.ReservedName, error.Code);
        Assert.NotNull(error.Locations);
        Assert.All(prepared.Error.Errors, e => Assert.Equal(ErrorCodes.ReservedName, e.Code));
        Assert.Equal(0, gateway.CachedOperationCount);
        Assert.Empty(transport.Calls);
    }

    [Theory]
    [InlineData("{ people { __typename file { __typename title } } }")]
    [InlineData("{ __typename: __typename people { name } }")]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"File\") { name } }")]
    [InlineData("{ people { fed: name federation__x: name fed_x: name } }")]
    public async Task Prepare_IntrospectionAndNamesOutsideTheNamespace_AreServed(string query)
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard", new FederationEngineOptions { EnableIntrospection = true });

        var prepared = await gateway.PrepareAsync(new GatewayRequest(query), cancellationToken: Token);

        Assert.True(prepared.Succeeded, prepared.Error?.ToJson());
    }

    [Fact]
    public async Task Execute_ValidationSkipped_ClientAliasOfTheGuardFieldIsNeverReadByTheGuard()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");
        var guard = new FlagGuard(FileFlags);

        // The client's "flags" carry its own values under the planner's alias: HIDE_ALL would read as "all".
        var result = await RunUnvalidatedAsync(gateway, guard, "{ people { name file { title notes fed__flags: flags { code: scope scope } } } }");

        Assert.Contains(guard.Inspected, r => r.Fields.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("code").GetString() == "HIDE_ALL"));
        Assert.Contains(result.Errors, e => e.Code == FlagGuard.Code && e.Path!.SequenceEqual(["people", 2, "file"]));
        Assert.Contains(result.Errors, e => e.Code == FlagGuard.Code && e.Path!.SequenceEqual(["people", 1, "file", "notes"]));
        var json = result.ToJson();
        Assert.DoesNotContain("f3 withheld title", json, StringComparison.Ordinal);
        Assert.DoesNotContain("private note", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ValidationSkipped_ClientAliasOfAnEntityKeyIsNeverSentAsTheKey()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("entities");

        // The client's product names under the planner's alias would be sent as the products' keys.
        var result = await RunUnvalidatedAsync(gateway, null, "{ topProducts { fed__upc: name shippingEstimate } }");

        var inventory = Assert.Single(transport.Bodies, b => b.StartsWith("inventory ", StringComparison.Ordinal));
        Assert.Contains("\"upc\":\"1\"", inventory, StringComparison.Ordinal);
        Assert.DoesNotContain("Table", inventory, StringComparison.Ordinal);
        Assert.Empty(result.Errors);
        Assert.Contains("\"shippingEstimate\":\"100kg at 899p\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ValidationSkipped_ClientHoldsThePlannersAliasWhereThePlannerNeedsIt_Refused()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");
        var (document, operation) = Parse("{ people { file { flags: notes fed__flags: title } } }");

        var refused = Assert.Throws<PlanningException>(() =>
            gateway.Planner.Plan(document, operation, new Dictionary<string, bool>(), new GuardedAllowAll(new FlagGuard(FileFlags))));

        Assert.Equal(ErrorCodes.ReservedName, refused.Code);
    }

    [Fact]
    public async Task Execute_ClientVariableNamedRepresentations_KeepsItsValueAndTheEntitiesCallKeepsItsOwn()
    {
        // An entity field with an argument, so that a client's variable travels in an _entities call.
        var sdl = File.ReadAllText(Path.Combine(ConformanceCase.Root, "entities", "supergraph.graphql")).Replace(
            "  shippingEstimate: String @join__field", "  shippingEstimate(unit: String): String @join__field", StringComparison.Ordinal);
        var transport = new ScriptedTransport();
        var gateway = FederationEngine.Create(sdl, transport);
        var request = new GatewayRequest(
            "query ($representations: String) { topProducts { shippingEstimate(unit: $representations) } }", null,
            JsonDocument.Parse("""{ "representations": "kg" }""").RootElement);

        var result = await gateway.ExecuteAsync(request, cancellationToken: Token);

        Assert.Empty(result.Errors);
        var inventory = JsonDocument.Parse(transport.Bodies["inventory"]).RootElement;
        var text = inventory.GetProperty("query").GetString()!;
        Assert.Contains("$fed__representations:[_Any!]!", text, StringComparison.Ordinal);
        Assert.Contains("_entities(representations:$fed__representations)", text, StringComparison.Ordinal);
        Assert.Contains("shippingEstimate(unit: $representations)", text, StringComparison.Ordinal);
        var variables = inventory.GetProperty("variables");
        Assert.Equal("kg", variables.GetProperty("representations").GetString());
        Assert.Equal("1", variables.GetProperty("fed__representations")[0].GetProperty("upc").GetString());
        Assert.Contains("\"shippingEstimate\":\"estimate\"", result.ToJson(), StringComparison.Ordinal);
    }

    private static (GraphQLDocument Document, GraphQLOperationDefinition Operation) Parse(string query)
    {
        var document = Parser.Parse(query);
        return (document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }

    /// <summary>Plans and runs a document without the gateway's validation, as a caller of the planner could.</summary>
    private static async Task<GatewayResult> RunUnvalidatedAsync(FederationEngine gateway, IRecordGuard? guard, string query)
    {
        var document = OperationDocument.Parse(query, null, maxParserDepth: 64);
        IFieldAccessPolicy? policy = guard is null ? null : new GuardedAllowAll(guard);
        var plan = gateway.Planner.Plan(document.Document, document.Operation, new Dictionary<string, bool>(), policy);
        return await gateway.ExecuteAsync(new PreparedOperation(new GatewayRequest(query), document, plan, default, guard), Token);
    }

    /// <summary>Answers the entities feature's products and inventory calls with fixed data, keeping each body.</summary>
    private sealed class ScriptedTransport : ISubgraphTransport
    {
        public ConcurrentDictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

        public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            Bodies[request.Subgraph.Name] = Encoding.UTF8.GetString(request.Body.Span);
            var answer = request.Subgraph.Name switch
            {
                "products" => """{"data":{"topProducts":[{"__typename":"Product","upc":"1","price":899,"weight":100}]}}""",
                "inventory" => """{"data":{"_entities":[{"shippingEstimate":"estimate"}]}}""",
                _ => throw new HttpRequestException("Unexpected subgraph " + request.Subgraph.Name),
            };
            return Task.FromResult(SubgraphResponse.Parse(Encoding.UTF8.GetBytes(answer)));
        }
    }
}
