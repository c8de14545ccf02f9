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
    public async Task Caseload_OfAnotherWorker_LeavesOutTheChildrenOutsideScope_AndSaysHowMany()
    {
        var mine = await PostAsync("OwnCaseload", "{ caseload(workerId: \"W001\") { personId } }", user: "W001");
        var theirs = await PostAsync("OwnCaseload", "{ caseload(workerId: \"W001\") { personId } }", user: "W002");

        var count = mine.GetProperty("data").GetProperty("caseload").GetArrayLength();
        Assert.True(count >= 2, mine.GetRawText());
        Assert.Null(Code(mine));
        Assert.Equal(0, theirs.GetProperty("data").GetProperty("caseload").GetArrayLength());
        Assert.Equal(count, theirs.GetProperty("errors")[0].GetProperty("extensions").GetProperty("leftOut").GetInt32());
    }

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
