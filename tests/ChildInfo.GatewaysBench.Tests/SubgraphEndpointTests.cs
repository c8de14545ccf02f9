using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChildInfo.GatewaysBench.Hosting;

namespace ChildInfo.GatewaysBench.Tests;

/// <summary>Bad input to a benchmark subgraph gets a clear GraphQL error, never a 500.</summary>
public sealed class SubgraphEndpointTests
{
    [Theory]
    [InlineData("not json")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("null")]
    public async Task Post_WithoutAUsableRequest_Answers400WithABadRequestError(string body)
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions());
        using var client = new HttpClient();

        using var response = await client.PostAsync(subgraphs.Urls[BenchSubgraph.Products], new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (string?)answer["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Entities_WithARepresentationMissingItsKey_AnswersAnInvalidRepresentationError()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions());
        using var client = new HttpClient();
        const string Query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { inStock shippingEstimate } } }";

        // A 200 with the error, as GraphQL over HTTP answers a field error (PostAsync refuses any other status).
        var answer = await BenchGateway.PostAsync(client, subgraphs.Urls[BenchSubgraph.Inventory], Query,
            variables: JsonNode.Parse("""{"r": [{"__typename": "Product", "price": 899}]}"""));

        Assert.Equal("INVALID_REPRESENTATION", (string?)answer["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Entities_OfInventory_ComputeTheShippingEstimateFromTheRequiredPriceAndWeight()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions());
        using var client = new HttpClient();
        const string Query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { upc inStock shippingEstimate } } }";

        var answer = await BenchGateway.PostAsync(client, subgraphs.Urls[BenchSubgraph.Inventory], Query, variables: JsonNode.Parse("""
            {"r": [{"__typename": "Product", "upc": "1", "price": 899, "weight": 100},
                   {"__typename": "Product", "upc": "2", "price": 1299, "weight": 1000}]}
            """));

        Assert.Equal("""[{"upc":"1","inStock":true,"shippingEstimate":50},{"upc":"2","inStock":false,"shippingEstimate":0}]""",
            answer["data"]!["_entities"]!.ToJsonString());
    }
}
