using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// Each subgraph has a circuit breaker: after the configured failures it opens, and calls fail fast (the subgraph is
/// not called; SUBGRAPH_UNAVAILABLE at the field's path) until the break is over; then one call tries it again and,
/// if it answers, the circuit closes. Time is a fake clock, moved by the test.
/// </summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FailingSubgraph_OpensAfterTheConfiguredFailures_FailsFast_ClosesAfterTheBreakWhenItAnswers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        var handler = new FaultHandler { Answer = NotesSubgraph.Answer };
        handler.Faults[NotesSubgraph.Name] = Fault.Failing;
        var url = FaultHandler.StoppedUrl();
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(url), new Dictionary<string, string>(), handler, new SubgraphCallOptions
        {
            Time = time,
            BreakerMinimumCalls = 3,
            BreakerFailureRatio = 1,
            BreakerSamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = Break,
        });

        var failures = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add(await gateway.QueryAsync("{ ping }"));
        }

        var openAfterThree = gateway.Monitor.CircuitOf(NotesSubgraph.Name);
        var (_, ready) = await gateway.GetAsync("health/ready");
        var failedFast = await gateway.QueryAsync("{ ping }");
        var callsWhileOpen = handler.CallsTo(NotesSubgraph.Name);
        time.Advance(Break - TimeSpan.FromSeconds(1));
        var stillOpen = await gateway.QueryAsync("{ ping }");
        var callsJustBeforeTheEnd = handler.CallsTo(NotesSubgraph.Name);

        handler.Faults[NotesSubgraph.Name] = Fault.None;
        time.Advance(TimeSpan.FromSeconds(1));
        var answered = await gateway.QueryAsync("{ ping }");

        Assert.All(failures, f => Assert.Equal(ErrorCodes.SubgraphRequestFailed, Code(f)));
        Assert.Equal("open", openAfterThree);
        var notes = ready.GetProperty("checks").GetProperty("subgraphs").GetProperty("data").GetProperty("subgraphs").GetProperty(NotesSubgraph.Name);
        Assert.Equal("open", notes.GetProperty("circuit").GetString());
        Assert.Equal(3, callsWhileOpen);
        Assert.Equal(ErrorCodes.SubgraphUnavailable, Code(failedFast));
        Assert.Equal(["ping"], failedFast.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(NotesSubgraph.Name, failedFast.GetProperty("errors")[0].GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(ErrorCodes.SubgraphUnavailable, Code(stillOpen));
        Assert.Equal(3, callsJustBeforeTheEnd);
        Assert.Equal("pong", answered.GetProperty("data").GetProperty("ping").GetString());
        Assert.Equal(4, handler.CallsTo(NotesSubgraph.Name));
        Assert.Equal("closed", gateway.Monitor.CircuitOf(NotesSubgraph.Name));
    }

    [Fact]
    public async Task FailuresBelowTheMinimum_KeepTheCircuitClosed()
    {
        var time = new FakeTimeProvider();
        var handler = new FaultHandler { Answer = NotesSubgraph.Answer };
        handler.Faults[NotesSubgraph.Name] = Fault.Failing;
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(FaultHandler.StoppedUrl()), new Dictionary<string, string>(), handler,
            new SubgraphCallOptions { Time = time, BreakerMinimumCalls = 3, BreakerFailureRatio = 1 });

        await gateway.QueryAsync("{ ping }");
        await gateway.QueryAsync("{ ping }");
        var third = await gateway.QueryAsync("{ ping }");

        Assert.Equal(ErrorCodes.SubgraphRequestFailed, Code(third));
        Assert.Equal(3, handler.CallsTo(NotesSubgraph.Name));
    }

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
