using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// A client request waits for its subgraph calls no longer than its deadline: what a slow subgraph has not answered
/// by then comes back null, with a timeout error at each place it would have filled, naming the subgraph.
/// </summary>
public sealed class RequestDeadlineTests
{
    [Fact]
    public async Task Execute_SubgraphSlowerThanTheDeadline_AnswersWithTheRestAndTimeoutsAtEachEntityPath()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("errors", new FederationEngineOptions { RequestDeadline = TimeSpan.FromSeconds(2) });
        transport.Hanging.Add("details");
        // The deadline leaves the answering subgraph ample time on a loaded machine; the hanging one never answers.

        var result = await gateway.ExecuteAsync(new GatewayRequest("{ items { id rating } }"), cancellationToken: TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(result.ToJson());
        var items = json.RootElement.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind));
        Assert.All(items, item => Assert.Equal(JsonValueKind.Null, item.GetProperty("rating").ValueKind));
        Assert.Equal(3, result.Errors.Count);
        for (var i = 0; i < 3; i++)
        {
            var error = result.Errors[i];
            Assert.Equal(ErrorCodes.SubgraphTimeout, error.Code);
            Assert.Equal(["items", i], error.Path!);
            Assert.Equal("details", error.Extensions!["serviceName"].GetString());
            Assert.Contains("request's deadline of 2000 ms", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Execute_RootSubgraphSlowerThanTheDeadline_ErrorAtEachRootFieldItFills()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("errors", new FederationEngineOptions { RequestDeadline = TimeSpan.FromMilliseconds(100) });
        transport.Hanging.Add("catalog");

        var result = await gateway.ExecuteAsync(new GatewayRequest("{ items { id } broken }"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([["items"], ["broken"]], result.Errors.Select(e => e.Path!.ToArray()));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.SubgraphTimeout, e.Code));
        Assert.Equal("""{"items":null,"broken":null}""", JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Execute_ClientGoesAway_CancellationIsNotReportedAsATimeout()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("errors");
        transport.Hanging.Add("details");
        using var client = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        client.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gateway.ExecuteAsync(new GatewayRequest("{ items { id rating } }"), cancellationToken: client.Token));
    }
}
