using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class SocialCareScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new SocialCareSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => SocialCareSeed.WriteAsync(database);

    private const string Child = "query($id: ID!) { socialCareChild(personId: $id) { personId } }";

    [Fact]
    public async Task Child_AllocatedToTheCaller_IsReturned_OthersAreOutsideScope()
    {
        var own = await PostAsync("OwnCaseload", Child, new { id = "LA000001" }, user: "W001");
        var other = await PostAsync("OwnCaseload", Child, new { id = "LA000001" }, user: "W002");

        Assert.Equal("LA000001", own.GetProperty("data").GetProperty("socialCareChild").GetProperty("personId").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("data").GetProperty("socialCareChild").ValueKind);
        Assert.Equal("OUTSIDE_SCOPE", Code(other));
        Assert.DoesNotContain("LA000001", other.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Child_AllocatedToTheTeamTheCallerActsFor_IsReturned() =>
        Assert.Equal("LA000002", (await PostAsync("OwnCaseload", Child, new { id = "LA000002" }, user: "manager", team: "T-SAFE"))
            .GetProperty("data").GetProperty("socialCareChild").GetProperty("personId").GetString());

    [Fact]
    public async Task Child_WhoseAllocationToTheCallerEnded_IsOutsideScope() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await PostAsync("OwnCaseload", Child, new { id = "LA000002" }, user: "W002")));

    [Fact]
    public async Task Child_UnderSchoolRollScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnSchoolRoll", Child, new { id = "LA000001" }, school: "100001");

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caseload_OfAnotherWorker_LeavesOutTheChildrenOutsideScope_AndCountsNothing()
    {
        var mine = await PostAsync("OwnCaseload", "{ caseload(workerId: \"W001\") { personId } }", user: "W001");
        var theirs = await PostAsync("OwnCaseload", "{ caseload(workerId: \"W001\") { personId } }", user: "W002");

        Assert.True(mine.GetProperty("data").GetProperty("caseload").GetArrayLength() >= 2, mine.GetRawText());
        Assert.Null(Code(mine));
        // Another worker's caseload size is not the caller's to learn: no error, no count, just nothing listed.
        Assert.Equal(0, theirs.GetProperty("data").GetProperty("caseload").GetArrayLength());
        Assert.False(theirs.TryGetProperty("errors", out _), theirs.GetRawText());
    }

    [Fact]
    public async Task Entities_ForAWorkerWhoseCaseloadIsHeldHere_OnlyTheirAllocatedChildren()
    {
        var (keys, response) = await EntitiesAsync("OwnCaseload", "SocialCareChild", "personId", ["LA000001", "LA000003", "LA000002"], user: "W001");

        Assert.Equal(["LA000001", null, "LA000002"], keys);
        AssertEntityOutsideScope(response, 1, "LA000003");
    }

    [Fact]
    public async Task Entities_ForACaseloadHeldElsewhere_ServeTheKeysOfTheSignedBody()
    {
        // A health visitor's caseload is the child index's to decide; the keys came from a child it put in scope.
        var (keys, response) = await EntitiesAsync("OwnCaseload", "SocialCareChild", "personId", ["LA000001", "LA000003"], user: "hv.visitor");

        Assert.Equal(["LA000001", "LA000003"], keys);
        Assert.False(response.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Entities_UnderSchoolRoll_ServeTheKeysOfTheSignedBody() =>
        Assert.Equal(["LA000003"], (await EntitiesAsync("OwnSchoolRoll", "SocialCareChild", "personId", ["LA000003"], school: "100001")).Keys);

    [Fact]
    public async Task Everyone_ReachesAnyChild() =>
        Assert.Null(Code(await PostAsync("Everyone", Child, new { id = "LA000002" })));
}

public sealed class SocialCareScopeTests_Sqlite : SocialCareScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SocialCareScopeTests_Postgres : SocialCareScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
