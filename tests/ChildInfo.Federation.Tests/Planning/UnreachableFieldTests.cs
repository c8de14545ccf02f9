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
}
