using System.Diagnostics;
using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Tests.Supergraph;

namespace ChildInfo.Federation.Tests;

public sealed class FederationEngineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prepare_SameOperationTwice_ReusesThePlan()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        var first = await gateway.PrepareAsync(new GatewayRequest("{ me { name } }"), "scope-a", Token);
        var again = await gateway.PrepareAsync(new GatewayRequest("{ me { name } }"), "scope-a", Token);
        var reformatted = await gateway.PrepareAsync(new GatewayRequest("query {\n  me {\n    name\n  }\n}"), "scope-a", Token);
        var otherScope = await gateway.PrepareAsync(new GatewayRequest("{ me { name } }"), "scope-b", Token);

        Assert.Same(first.Operation!.Plan, again.Operation!.Plan);
        Assert.Same(first.Operation.Plan, reformatted.Operation!.Plan);
        Assert.NotSame(first.Operation.Plan, otherScope.Operation!.Plan);
    }

    [Fact]
    public async Task Prepare_CachedOperation_StillValidatesVariables()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        const string query = "query ($id: ID!) { user(id: $id) { name } }";
        var good = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"id": "u1"}""")), null, Token);
        var bad = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("{}")), null, Token);
        var wrongType = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"id": {"a": 1}}""")), null, Token);
        var explicitNull = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"id": null}""")), null, Token);
        var numericId = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"id": 7}""")), null, Token);

        Assert.True(good.Succeeded);
        Assert.False(bad.Succeeded);
        Assert.Equal(ErrorCodes.BadUserInput, Assert.Single(bad.Error!.Errors).Code);
        Assert.Equal(ErrorCodes.BadUserInput, Assert.Single(wrongType.Error!.Errors).Code);
        Assert.Equal(ErrorCodes.BadUserInput, Assert.Single(explicitNull.Error!.Errors).Code);
        Assert.True(numericId.Succeeded);
    }

    [Fact]
    public async Task Prepare_Mutation_IsMutation()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("mutations");
        var mutation = await gateway.PrepareAsync(new GatewayRequest("mutation { first }"), null, Token);
        var query = await gateway.PrepareAsync(new GatewayRequest("{ one }"), null, Token);

        Assert.True(mutation.Operation!.IsMutation);
        Assert.False(query.Operation!.IsMutation);
        Assert.StartsWith("QueryPlan {", mutation.Operation.PlanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Introspection_AnswersFromTheApiSchema()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("entities");
        var result = await gateway.ExecuteAsync(
            new GatewayRequest("{ __schema { queryType { name } } t: __type(name: \"Product\") { fields { name } } }"), null, Token);

        using var json = JsonDocument.Parse(result.ToJson());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        var fields = data.GetProperty("t").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("shippingEstimate", fields);
        Assert.DoesNotContain("_entities", fields);
        Assert.Empty(transport.Calls);
    }

    [Fact]
    public async Task Execute_InaccessibleField_FailsValidation()
    {
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new InProcessTransport([]));
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ secret }"), null, Token);

        Assert.True(result.IsRequestError);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Single(result.Errors).Code);
        Assert.DoesNotContain("\"data\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_PlanningBeyondItsBound_FailsClearly()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities", new FederationEngineOptions { Planner = new QueryPlannerOptions { MaxWork = 5 } });
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ topProducts { name reviews { body author { name } } } }"), null, Token);

        Assert.True(result.IsRequestError);
        Assert.Equal(ErrorCodes.PlanningLimitExceeded, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Prepare_TooManyFieldsOnceExpanded_FailsClearly()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities", new FederationEngineOptions { Planner = new QueryPlannerOptions { MaxFields = 3 } });
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ topProducts { upc name price weight } }"), null, Token);

        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Prepare_QueryLongerThanAllowed_FailsClearly()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities", new FederationEngineOptions { MaxQueryLength = 10 });
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ topProducts { upc } }"), null, Token);

        Assert.Equal(ErrorCodes.QueryTooLarge, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Prepare_VariablesNotAnObject_IsABadRequest()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ me { name } }", Variables: Json("[1]")), null, Token);

        Assert.Equal(ErrorCodes.BadRequest, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Result_SerialisesTheSameWithJsonSerializer()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ me { name } }"), null, Token);

        Assert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", JsonSerializer.Serialize(result));
        var withPlan = result.WithExtension("plan", JsonSerializer.SerializeToElement("text"));
        Assert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}},"extensions":{"plan":"text"}}""", withPlan.ToJson());
    }

    [Fact]
    public async Task ReleasedResult_CannotBeReadAgain_ThroughAnyCopy_AndReleasingTwiceIsHarmless()
    {
        // The data sits in a pooled buffer the host returns once the response is written: after that nothing may read
        // it, since the next request's answer can be written there.
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        var result = await gateway.ExecuteAsync(new GatewayRequest("{ me { name } }"), null, Token);
        var copy = result.WithExtension("plan", JsonSerializer.SerializeToElement("text"));
        Assert.Equal("""{"me":{"name":"Ada Lovelace"}}""", System.Text.Encoding.UTF8.GetString(copy.DataJson.Span));

        copy.ReleaseBuffers();

        Assert.Throws<ObjectDisposedException>(() => result.DataJson);
        Assert.Throws<ObjectDisposedException>(() => copy.ToJson());
        result.ReleaseBuffers();
        var next = await gateway.ExecuteAsync(new GatewayRequest("{ me { name } }"), null, Token);
        Assert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", next.ToJson());
    }

    [Fact]
    public async Task Execute_EmitsSpansForEachPhaseAndFetch()
    {
        var names = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FederationTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => names.Add(activity.OperationName + ":" + activity.GetTagItem("graphql.federation.subgraph")),
        };
        ActivitySource.AddActivityListener(listener);
        var (gateway, _) = ConformanceCase.LoadFeature("entities");

        await gateway.ExecuteAsync(new GatewayRequest("{ me { name reviews { body } } }"), "telemetry-test", Token);

        Assert.Contains("validate:", names);
        Assert.Contains("plan:", names);
        Assert.Contains("fetch:accounts", names);
        Assert.Contains("fetch:reviews", names);
        Assert.Contains("merge:", names);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
