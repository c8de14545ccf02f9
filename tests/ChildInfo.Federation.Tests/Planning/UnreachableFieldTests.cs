using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Planning;

/// <summary>
/// A field no subgraph can be reached for where the client asks it fails the whole request at planning: it is never
/// left out of the answer quietly, and nothing is fetched. Apollo's composition refuses such supergraphs
/// (satisfiability), so the supergraph here is a composed one edited by hand, as a supergraph file given to the
/// gateway can be.
/// </summary>
public sealed class UnreachableFieldTests
{
    [Theory]
    [InlineData("{ shop { name rating } }", "Shop.rating")]
    [InlineData("{ featured { label price } shop { address { city } } }", "Address.city")]
    public async Task Prepare_ValueTypeFieldOnlyInAnUnreachableSubgraph_PlanningFailsForTheWholeRequest(string query, string field)
    {
        var supergraph = File.ReadAllText(Path.Combine(ConformanceCase.Root, "shareable-split", "supergraph.graphql"))
            .Replace("  shop: Shop\n", "  shop: Shop @join__field(graph: A)\n", StringComparison.Ordinal);
        Assert.Contains("shop: Shop @join__field(graph: A)", supergraph, StringComparison.Ordinal);
        var transport = new InProcessTransport([]);
        var gateway = FederationEngine.Create(supergraph, transport);

        var prepared = await gateway.PrepareAsync(new GatewayRequest(query, null, null), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(prepared.Succeeded);
        var error = Assert.Single(prepared.Error!.Errors);
        Assert.Equal(ErrorCodes.PlanningFailed, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Calls);
    }

    [Theory]
    [InlineData("{ nothing { id label } }")]
    [InlineData("{ nothing { ... on Empty { label } } }")]
    public async Task Prepare_FieldsOfAnInterfaceWithNoImplementations_PlanningFailsForTheWholeRequest(string query)
    {
        var transport = new InProcessTransport([]);
        var gateway = FederationEngine.Create(WithEmptyInterface(), transport);

        var prepared = await gateway.PrepareAsync(new GatewayRequest(query, null, null), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(prepared.Succeeded);
        var error = Assert.Single(prepared.Error!.Errors);
        Assert.Equal(ErrorCodes.PlanningFailed, error.Code);
        Assert.Contains("'Empty' has no implementations", error.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Calls);
    }

    [Fact]
    public async Task Prepare_OnlyTheTypenameOfAnInterfaceWithNoImplementations_IsPlanned()
    {
        var gateway = FederationEngine.Create(WithEmptyInterface(), new InProcessTransport([]));

        var prepared = await gateway.PrepareAsync(new GatewayRequest("{ nothing { __typename } }", null, null), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(prepared.Succeeded);
        Assert.Contains("nothing {", prepared.Operation!.PlanText, StringComparison.Ordinal);
    }

    /// <summary>The shareable-split supergraph with an interface no type implements, and a root field returning it.</summary>
    private static string WithEmptyInterface()
    {
        var supergraph = File.ReadAllText(Path.Combine(ConformanceCase.Root, "shareable-split", "supergraph.graphql"))
            .Replace("  shop: Shop\n", "  shop: Shop\n  nothing: Empty @join__field(graph: A)\n", StringComparison.Ordinal)
            + "\ninterface Empty\n  @join__type(graph: A)\n{\n  id: ID!\n  label: String\n}\n";
        Assert.Contains("nothing: Empty", supergraph, StringComparison.Ordinal);
        return supergraph;
    }
}
