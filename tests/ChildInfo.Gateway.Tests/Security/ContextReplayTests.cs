using System.Text.Json;
using System.Text.Json.Nodes;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// A captured subgraph context opens only what its own call needed. Each test captures the contexts of a real
/// gateway → subgraph call (as a network observer or a compromised subgraph would) and replays them: to another
/// subgraph, to the same subgraph with another operation or other variables or representations, and after it
/// expired, all refused; unchanged and in time, it is accepted and returns only what the gateway already got.
/// </summary>
public sealed class ContextReplayTests(SecuredGatewayFixture fixture) : IClassFixture<SecuredGatewayFixture>
{
    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id forename pupil { upn } } }";

    /// <summary>The gateway's answer for a child with an education record, and the two subgraph calls it made.</summary>
    private async Task<(string Child, string OtherChild, JsonElement Answer, RecordedCall Lookup, RecordedCall Entities)> CaptureAsync()
    {
        var children = await fixture.LinkedChildrenAsync("education", 2);
        var justification = "replay " + Guid.NewGuid().ToString("N");
        var exchange = await fixture.ChildAsync(ChildQuery, children[0], justification);
        Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
        var calls = fixture.Recorder.CallsByMarker(justification);
        return (children[0], children[1], exchange.Body.GetProperty("data").GetProperty("child"),
            Assert.Single(calls, c => fixture.SubgraphOf(c) == "child-index"),
            Assert.Single(calls, c => fixture.SubgraphOf(c) == "education"));
    }

    private Uri Subgraph(string name) => new(fixture.SubgraphUrls[name]);

    private static void AssertRefused(HttpExchange exchange, string reason)
    {
        Assert.Equal((401, "UNAUTHENTICATED"), (exchange.Status, exchange.FirstErrorCode));
        Assert.Contains(reason, exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(exchange.HasData);
    }

    /// <summary>The call's body with its JSON changed by <paramref name="change"/>.</summary>
    private static byte[] Changed(RecordedCall call, Action<JsonNode> change)
    {
        var body = JsonNode.Parse(call.Body)!;
        change(body);
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    [Fact]
    public async Task ReplayedToAnotherSubgraph_IsRefused()
    {
        var (_, _, _, lookup, entities) = await CaptureAsync();

        AssertRefused(await fixture.ReplayAsync(Subgraph("education"), lookup.Body, lookup.Context!), "for another subgraph");
        AssertRefused(await fixture.ReplayAsync(Subgraph("social-care"), entities.Body, entities.Context!), "for another subgraph");
        AssertRefused(await fixture.ReplayAsync(Subgraph("child-index"), entities.Body, entities.Context!), "for another subgraph");
    }

    [Fact]
    public async Task ReplayedWithOtherVariables_IsRefused()
    {
        var (_, otherChild, _, lookup, _) = await CaptureAsync();
        var otherChildsLookup = Changed(lookup, body => body["variables"]!.AsObject().First().Value!.ReplaceWith(otherChild));

        AssertRefused(await fixture.ReplayAsync(Subgraph("child-index"), otherChildsLookup, lookup.Context!), "signed for another operation or other variables");
    }

    [Fact]
    public async Task ReplayedWithOtherRepresentations_IsRefused()
    {
        var (_, _, _, _, entities) = await CaptureAsync();
        var otherPupils = Changed(entities, body =>
        {
            var representations = body["variables"]!.AsObject().First().Value!.AsArray();
            representations.Add(JsonNode.Parse(representations[0]!.ToJsonString()));
            var key = representations[1]!.AsObject().First(p => p.Key != "__typename").Key;
            representations[1]![key] = "someone-else";
        });

        AssertRefused(await fixture.ReplayAsync(Subgraph("education"), otherPupils, entities.Context!), "signed for another operation or other variables");
    }

    [Fact]
    public async Task ReplayedWithAnotherOperation_IsRefused()
    {
        var (_, _, _, lookup, _) = await CaptureAsync();
        var widened = Changed(lookup, body => body["query"] = body["query"]!.GetValue<string>().Replace("forename", "forename surname dateOfBirth postcode", StringComparison.Ordinal));
        var reformatted = Changed(lookup, body => body["query"] = body["query"]!.GetValue<string>() + " ");

        AssertRefused(await fixture.ReplayAsync(Subgraph("child-index"), widened, lookup.Context!), "signed for another operation or other variables");
        AssertRefused(await fixture.ReplayAsync(Subgraph("child-index"), reformatted, lookup.Context!), "signed for another operation or other variables");
    }

    [Fact]
    public async Task ReplayedUnchanged_IsAccepted_AndReturnsOnlyWhatTheGatewayGot()
    {
        var (child, _, answer, lookup, _) = await CaptureAsync();

        var replayed = await fixture.ReplayAsync(Subgraph("child-index"), lookup.Body, lookup.Context!);

        Assert.True(replayed.Status == 200, replayed.Body.GetRawText());
        var again = replayed.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(child, again.GetProperty("id").GetString());
        Assert.Equal(answer.GetProperty("forename").GetString(), again.GetProperty("forename").GetString());
    }

    [Fact]
    public async Task ReplayedAfterItExpired_IsRefused()
    {
        var (_, _, _, lookup, _) = await CaptureAsync();
        // The replica shares the subgraph's name, key and data; only its clock is the test's.
        fixture.ReplicaClock.Advance(DateTimeOffset.UtcNow - fixture.ReplicaClock.GetUtcNow());
        var inTime = await fixture.ReplayAsync(fixture.ReplicaUrl, lookup.Body, lookup.Context!);

        fixture.ReplicaClock.Advance(SubgraphContextToken.DefaultLifetime + SubgraphContextToken.ClockSkew + TimeSpan.FromSeconds(1));
        var late = await fixture.ReplayAsync(fixture.ReplicaUrl, lookup.Body, lookup.Context!);

        Assert.True(inTime.Status == 200, inTime.Body.GetRawText());
        AssertRefused(late, "expired");
    }
}
