using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Transport;
using ChildInfo.GatewaysBench.Hosting;

namespace ChildInfo.GatewaysBench.Tests;

/// <summary>
/// The gateways benchmark's workload through this gateway: the deep query gets exactly the answer the catalogue says
/// (the checksum run.sh compares across gateways) with one subgraph call per fetch of its plan.
/// </summary>
public sealed class DeepQueryTests
{
    [Fact]
    public async Task DeepQuery_ThroughGateway_AnswersTheCatalogueWithOneCallPerPlannedFetch()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions());
        await using var gateway = await BenchGateway.StartAsync(subgraphs);
        var planned = await PlannedCallsAsync(gateway.Supergraph, BenchQueries.Deep);

        var before = subgraphs.Calls.Values.Sum();
        var answer = await gateway.AskAsync(BenchQueries.Deep);
        var calls = subgraphs.Calls.Values.Sum() - before;

        Assert.Null(answer["errors"]);
        Assert.Equal(ExpectedAnswers.Canonical(ExpectedAnswers.Deep()), ExpectedAnswers.Canonical(answer));
        Assert.Equal(planned, calls);
        // Every subgraph takes part, and the plan batches: far fewer calls than the answer has entities.
        Assert.All(subgraphs.Calls, c => Assert.True(c.Value > 0, $"{c.Key} was not called"));
        Assert.InRange(calls, 4, 12);
    }

    [Fact]
    public void DeepQuery_Answer_IsAboutAsLargeAsThePublicBenchmarks()
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(ExpectedAnswers.Deep()).Length;

        Assert.InRange(size, 80_000, 95_000);
    }

    [Fact]
    public async Task OneFetchQuery_ThroughGateway_EqualsTheSubgraphsOwnAnswerInOneCall()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions());
        await using var gateway = await BenchGateway.StartAsync(subgraphs);
        using var client = new HttpClient();

        var before = subgraphs.Calls[BenchSubgraph.Products];
        var answer = await gateway.AskAsync(BenchQueries.OneFetch);
        var calls = subgraphs.Calls[BenchSubgraph.Products] - before;
        var direct = await BenchGateway.PostAsync(client, subgraphs.Urls[BenchSubgraph.Products], BenchQueries.OneFetch);

        Assert.Equal(ExpectedAnswers.Canonical(ExpectedAnswers.OneFetch()), ExpectedAnswers.Canonical(answer));
        Assert.Equal(ExpectedAnswers.Canonical(direct), ExpectedAnswers.Canonical(answer));
        Assert.Equal(1, calls);
        Assert.Equal(1, await PlannedCallsAsync(gateway.Supergraph, BenchQueries.OneFetch));
    }

    [Fact]
    public async Task DeepQuery_WithReplayingSubgraphs_AnswersTheSameAndReplaysEveryCallAfterTheFirstRequest()
    {
        await using var subgraphs = await BenchSubgraphs.StartAsync(new BenchSubgraphsOptions { Replay = true });
        await using var gateway = await BenchGateway.StartAsync(subgraphs);

        var start = subgraphs.Calls.Values.Sum();
        var rememberedBefore = subgraphs.Remembered.Values.Sum();
        var first = await gateway.AskAsync(BenchQueries.Deep);
        var afterFirst = subgraphs.Calls.Values.Sum();
        var rememberedAfterFirst = subgraphs.Remembered.Values.Sum();
        var second = await gateway.AskAsync(BenchQueries.Deep);
        var secondCalls = subgraphs.Calls.Values.Sum() - afterFirst;

        Assert.Equal(ExpectedAnswers.Canonical(ExpectedAnswers.Deep()), ExpectedAnswers.Canonical(first));
        Assert.Equal(ExpectedAnswers.Canonical(first), ExpectedAnswers.Canonical(second));
        Assert.Equal(afterFirst - start, secondCalls);
        Assert.True(rememberedAfterFirst > rememberedBefore, "the first request's calls were not remembered");
        // The second request's calls were all answered from memory: nothing new to remember.
        Assert.Equal(rememberedAfterFirst, subgraphs.Remembered.Values.Sum());
    }

    private static async Task<int> PlannedCallsAsync(string supergraph, string query)
    {
        using var client = new HttpClient();
        var engine = FederationEngine.Create(supergraph, new HttpSubgraphTransport(client));
        var prepared = await engine.PrepareAsync(new GatewayRequest(query));
        Assert.NotNull(prepared.Operation);
        return PlannedCalls.Count(prepared.Operation.Plan.Root);
    }
}
