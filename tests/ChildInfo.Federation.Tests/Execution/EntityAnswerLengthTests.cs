using System.Text.Json;
using System.Text.Json.Nodes;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// A subgraph's <c>_entities</c> answer is read by position, one entry per representation sent: entries beyond those
/// are ignored, and a representation left without an entry is answered as the subgraph failing to resolve it.
/// </summary>
public sealed class EntityAnswerLengthTests
{
    private const string Query = "{ topProducts { upc inStock } }";

    [Fact]
    public async Task Execute_SubgraphAnswersMoreEntitiesThanSent_ExtraEntriesAreIgnored()
    {
        var expected = await ExecuteAsync(entities => { });

        var padded = await ExecuteAsync(entities =>
        {
            // Ten thousand entries more than asked for, each of which would change the answer if it were read.
            for (var i = 0; i < 10_000; i++)
            {
                entities.Add(new JsonObject { ["__typename"] = "Product", ["inStock"] = i % 2 == 0 });
            }
        });

        Assert.DoesNotContain("\"errors\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, padded);
    }

    [Fact]
    public async Task Execute_SubgraphAnswersFewerEntitiesThanSent_OnlyTheAnsweredOnesAreMerged()
    {
        var expected = JsonNode.Parse(await ExecuteAsync(entities => { }))!;
        var shortened = JsonNode.Parse(await ExecuteAsync(entities => entities.RemoveAt(entities.Count - 1)))!;

        var products = expected["data"]!["topProducts"]!.AsArray();
        var answered = shortened["data"]!["topProducts"]!.AsArray();
        Assert.True(products.Count >= 2);
        Assert.Equal(products.Count, answered.Count);
        for (var i = 0; i < products.Count - 1; i++)
        {
            Assert.True(JsonNode.DeepEquals(products[i], answered[i]), answered[i]?.ToJsonString());
        }

        // The last product's inStock came from nothing: null, never another product's value.
        Assert.Null(answered[products.Count - 1]!["inStock"]);
    }

    /// <summary>Runs the query with inventory's <c>_entities</c> answer changed by <paramref name="change"/>.</summary>
    private static async Task<string> ExecuteAsync(Action<JsonArray> change)
    {
        var (_, inner) = ConformanceCase.LoadFeature("entities");
        var gateway = FederationEngine.Create(
            File.ReadAllText(Path.Combine(ConformanceCase.Root, "entities", "supergraph.graphql")), new ChangingTransport(inner, "inventory", change));
        var result = await gateway.ExecuteAsync(new GatewayRequest(Query), cancellationToken: TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    private sealed class ChangingTransport(ISubgraphTransport inner, string subgraph, Action<JsonArray> change) : ISubgraphTransport
    {
        public async Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            using var response = await inner.SendAsync(request, cancellationToken);
            var answer = JsonNode.Parse(response.Document.RootElement.GetRawText())!;
            if (request.Subgraph.Name == subgraph && answer["data"] is JsonObject data)
            {
                foreach (var (_, value) in data)
                {
                    if (value is JsonArray entities)
                    {
                        change(entities);
                    }
                }
            }

            return SubgraphResponse.Parse(JsonSerializer.SerializeToUtf8Bytes(answer));
        }
    }
}
