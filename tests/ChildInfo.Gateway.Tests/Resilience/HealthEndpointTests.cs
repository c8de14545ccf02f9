using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// <c>/health/ready</c> says which subgraphs do not answer, from the gateway's own calls: right after a call fails
/// or times out, and answering again after a call succeeds. An agency down makes the gateway Degraded (still
/// serving), never Unhealthy. <c>/health/live</c> says the process serves; <c>/health</c> is unchanged.
/// </summary>
public sealed class HealthEndpointTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task Ready_FailedCall_NotAnsweringAtOnce_AnsweringAgainAfterACallSucceeds()
    {
        var childId = ResilientGateway.ChildrenLinkedEverywhere(environment, 1).Single();
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartDemoAsync(environment, handler, new SubgraphCallOptions());

        var (beforeStatus, before) = await gateway.GetAsync("health/ready");
        handler.Faults["education"] = Fault.Failing;
        await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        var (downStatus, down) = await gateway.GetAsync("health/ready");
        handler.Faults["education"] = Fault.None;
        await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        var (_, back) = await gateway.GetAsync("health/ready");

        Assert.Equal(200, beforeStatus);
        Assert.Equal("Healthy", before.GetProperty("status").GetString());
        Assert.Equal(200, downStatus);
        Assert.Equal("Degraded", down.GetProperty("status").GetString());
        var subgraphs = down.GetProperty("checks").GetProperty("subgraphs");
        Assert.Equal(["education"], subgraphs.GetProperty("data").GetProperty("notAnswering").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("not answering", subgraphs.GetProperty("data").GetProperty("subgraphs").GetProperty("education").GetProperty("status").GetString());
        Assert.Equal("answering", subgraphs.GetProperty("data").GetProperty("subgraphs").GetProperty("social-care").GetProperty("status").GetString());
        Assert.Equal("Healthy", back.GetProperty("status").GetString());
        Assert.Empty(back.GetProperty("checks").GetProperty("subgraphs").GetProperty("data").GetProperty("notAnswering").EnumerateArray());
    }

    [Fact]
    public async Task Ready_AttemptTimedOut_SubgraphNotAnswering_ErrorIsATimeout()
    {
        var childId = ResilientGateway.ChildrenLinkedEverywhere(environment, 1).Single();
        var handler = new FaultHandler();
        // The attempt timeout fires first, so the breaker and health see the slow subgraph (a deadline says nothing
        // about it); one second leaves the healthy subgraphs room on a busy machine.
        await using var gateway = await ResilientGateway.StartDemoAsync(environment, handler,
            new SubgraphCallOptions { AttemptTimeout = TimeSpan.FromSeconds(1), RequestDeadline = TimeSpan.FromSeconds(10) });
        await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        handler.Faults["social-care"] = Fault.Slow;

        var body = await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        var (_, ready) = await gateway.GetAsync("health/ready");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(ErrorCodes.SubgraphTimeout, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("social-care", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(["social-care"], ready.GetProperty("checks").GetProperty("subgraphs").GetProperty("data").GetProperty("notAnswering").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Live_AndTheOldHealthRoute_Answer()
    {
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartDemoAsync(environment, handler, new SubgraphCallOptions());

        var (liveStatus, live) = await gateway.GetAsync("health/live");
        var (healthStatus, health) = await gateway.GetAsync("health");

        Assert.Equal(200, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(["process"], live.GetProperty("checks").EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, healthStatus);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(5, health.GetProperty("subgraphs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("notAnswering").ValueKind);
    }
}
