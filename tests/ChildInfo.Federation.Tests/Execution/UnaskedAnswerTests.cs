using System.Text.Json;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Tests.Supergraph;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// What a subgraph sends beyond what it was asked (other fields, an inaccessible field, a root field the query did not
/// select, an alias the gateway never used) never reaches the client: the response is written from the client's own
/// selections, so a subgraph that ignores the gateway's projection cannot add a field a policy kept out of the fetch.
/// </summary>
public sealed class UnaskedAnswerTests
{
    [Fact]
    public async Task Execute_AnswerWithFieldsNobodyAskedFor_WritesOnlyTheSelection()
    {
        const string answer = """
            {"data":{"things":[{"id":"1","name":"NAME-LEAK","internal":"INTERNAL-LEAK","colour":"COLOUR-LEAK","__typename":"Thing"}],
             "secret":"SECRET-LEAK","onDay":"ONDAY-LEAK","extra":{"nested":"EXTRA-LEAK"}}}
            """;
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new FixedAnswerTransport(answer));

        var result = await gateway.ExecuteAsync(new GatewayRequest("{ things { id } }"), null, TestContext.Current.CancellationToken);
        var json = result.ToJson();

        using var document = JsonDocument.Parse(json);
        var thing = Assert.Single(document.RootElement.GetProperty("data").GetProperty("things").EnumerateArray());
        Assert.Equal("1", thing.GetProperty("id").GetString());
        Assert.Single(thing.EnumerateObject());
        Assert.Single(document.RootElement.GetProperty("data").EnumerateObject());
        Assert.DoesNotContain("LEAK", json, StringComparison.Ordinal);
    }
}
