using ChildInfo.Federation;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Registry;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Warming;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Registry;
using Microsoft.Extensions.Time.Testing;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// Warming a revision binds each operation again under that revision's policies and plans it under exactly the field
/// policy its requests get: each scope keeps its own decisions, and what no longer binds is not planned.
/// </summary>
public sealed class PlanWarmerTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>
{
    private const string Query = "query Plans($id: ID!) { child(id: $id) { id socialCareChild { childProtectionPlans { latestCategoryOfAbuse } } } }";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private GatewayRevision Build()
    {
        using var client = new HttpClient();
        var build = new RevisionBuilder(new HttpSubgraphTransport(client), new FederationEngineOptions(), PolicyGatewayFixture.PolicyDirectory)
            .Build(configured.Subgraphs, new RegistrySnapshot(0, []));
        return build.Revision ?? throw new InvalidOperationException(string.Join(" ", build.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task Warm_EachScopeKeepsItsOwnDecisions_AndTheRequestFindsItsPlan()
    {
        var next = Build();
        var warming = await new PlanWarmer().WarmAsync(next,
        [
            new WarmOperation(Query, "Plans", "social_worker", "child_protection", false, []),
            new WarmOperation(Query, "Plans", "social_worker", "child_in_need", false, []),
        ], Token);

        Assert.Equal(new PlanWarming(2, 0, 0, warming.Elapsed), warming);
        Assert.Equal(2, next.Gateway.RecentOperations(10).Count);
        var protection = await PlanTextAsync(next, "child_protection");
        var inNeed = await PlanTextAsync(next, "child_in_need");
        Assert.Equal(2, next.Gateway.RecentOperations(10).Count); // both requests found a warmed plan
        Assert.Contains("latestCategoryOfAbuse", protection, StringComparison.Ordinal);
        Assert.DoesNotContain("Withheld", protection, StringComparison.Ordinal);
        Assert.Contains("Withheld {", inNeed, StringComparison.Ordinal);
        Assert.Contains("SocialCareChild.childProtectionPlans", inNeed[inNeed.IndexOf("Withheld {", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warm_WhatNoLongerBindsIsSkipped_WhatARequestWouldBeRefusedIsRefused_AndTheCountIsBounded()
    {
        var next = Build();
        var warming = await new PlanWarmer().WarmAsync(next,
        [
            new WarmOperation(Query, "Plans", "no_such_role", "child_protection", false, []),
            new WarmOperation(Query, "Plans", "team_manager", "child_protection", true, []), // no break-glass for this rule
            new WarmOperation(Query, "Plans", "social_worker", "no_such_purpose", false, []),
            new WarmOperation("{ nope }", null, "social_worker", "child_protection", false, []),
        ], Token);
        var bounded = await new PlanWarmer(1).WarmAsync(Build(),
        [
            new WarmOperation(Query, "Plans", "social_worker", "child_protection", false, []),
            new WarmOperation(Query, "Plans", "social_worker", "child_in_need", false, []),
        ], Token);

        Assert.Equal((0, 3, 1), (warming.Planned, warming.Skipped, warming.Refused));
        Assert.Equal(0, next.Gateway.CachedOperationCount);
        Assert.Equal(1, bounded.Planned);
    }

    [Fact]
    public async Task Warm_StopsWhenItsBudgetIsSpent_MostRecentFirst_AndCountsWhatIsLeft()
    {
        var budget = TimeSpan.FromMilliseconds(500);
        // Each reading of the clock moves it on by half the budget: the first operation is planned, then time is up.
        var time = new FakeTimeProvider { AutoAdvanceAmount = budget / 2 };
        var next = Build();
        var warming = await new PlanWarmer(budget: budget, time: time).WarmAsync(next,
        [
            new WarmOperation(Query, "Plans", "social_worker", "child_protection", false, []),
            new WarmOperation(Query, "Plans", "social_worker", "child_in_need", false, []),
            new WarmOperation(Query, "Plans", "team_manager", "child_in_need", false, []),
        ], Token);
        var unbounded = await new PlanWarmer(time: time).WarmAsync(Build(),
        [
            new WarmOperation(Query, "Plans", "social_worker", "child_protection", false, []),
            new WarmOperation(Query, "Plans", "social_worker", "child_in_need", false, []),
        ], Token);

        Assert.Equal((1, 2), (warming.Planned, warming.Left));
        Assert.True(warming.Elapsed >= budget);
        Assert.Equal("child_protection", Assert.Single(new PlanWarmer().RecentOf(next)).Purpose);
        Assert.Equal((2, 0), (unbounded.Planned, unbounded.Left));
    }

    [Fact]
    public async Task RecentOf_NamesTheRoleAndPurpose_NotTheRevisionsScopeKey()
    {
        var served = Build();
        await PlanTextAsync(served, "child_in_need");

        var recent = Assert.Single(new PlanWarmer().RecentOf(served));

        Assert.Equal(new WarmOperation(Query, "Plans", "social_worker", "child_in_need", false, recent.ConditionKeys), recent);
        Assert.Equal([0UL], recent.ConditionKeys);
    }

    /// <summary>Prepares the query as a social worker's request under <paramref name="purpose"/> would be, and prints its plan.</summary>
    private static async Task<string> PlanTextAsync(GatewayRevision revision, string purpose)
    {
        var scope = revision.Policies!.Bind("social_worker", purpose, justificationPresent: true, breakGlass: false).Scope!;
        var prepared = await revision.Gateway.PrepareAsync(new GatewayRequest(Query, "Plans", System.Text.Json.JsonDocument.Parse("""{"id":"CH-1"}""").RootElement),
            scope.CacheKey, PolicyAuthoriser.PlanningPolicy(revision, scope), Token);
        return prepared.Operation?.PlanText ?? throw new InvalidOperationException(prepared.Error!.ToJson());
    }
}
