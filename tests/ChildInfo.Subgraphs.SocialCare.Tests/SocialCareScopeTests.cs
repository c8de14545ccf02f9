using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// Every path into social care's children over a real database, with a context key: root lookups, caseloads and
/// (through the shared cases) <c>_entities</c> decide record scope with social care's allocations, or refuse a scope
/// social care cannot decide.
/// </summary>
public abstract class SocialCareScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new SocialCareSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => SocialCareSeed.WriteAsync(database);

    private const string Child = "query($id: ID!) { socialCareChild(personId: $id) { personId } }";

    /// <summary>W001 holds LA000001 now; their involvement with LA000003 has ended.</summary>
    protected override EntityScopeCase Entity => new("SocialCareChild", "personId", "forename surname dateOfBirth", "allocations { workerId }",
        Context("OwnCaseload", "W001"), "LA000001", "LA000003", ["Ella", "2020-06-15"], "OwnSchoolRoll");

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
    public async Task Caseload_TheCallersOwn_IsAnswered()
    {
        var mine = await PostAsync("OwnCaseload", "{ caseload(workerId: \"W001\") { personId } }", user: "W001");

        Assert.Null(Code(mine));
        Assert.Equal(["LA000001", "LA000002"], mine.GetProperty("data").GetProperty("caseload").EnumerateArray().Select(c => c.GetProperty("personId").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Caseload_OfAnotherWorker_IsRefused_TheSameWhateverItHolds()
    {
        // W001 holds two children now, W002 none and W999 does not exist: the answers must not tell them apart.
        var answers = new List<string>();
        foreach (var worker in new[] { "W001", "W002", "W999" })
        {
            var response = await PostAsync("OwnCaseload", $"{{ caseload(workerId: \"{worker}\") {{ personId }} }}", user: "W003");
            Assert.Equal("OUTSIDE_SCOPE", Code(response));
            Assert.Equal(0, response.GetProperty("data").GetProperty("caseload").GetArrayLength());
            Assert.False(response.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("leftOut", out _));
            answers.Add(response.GetRawText());
        }

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TeamCaseload_OfTheTeamTheCallerActsFor_IsAnswered_AnotherTeamsIsRefusedWithoutACount()
    {
        const string Query = "query($t: ID!) { team(teamId: $t) { teamId caseload { personId } } }";

        var own = await PostAsync("OwnCaseload", Query, new { t = "T-SAFE" }, user: "manager", team: "T-SAFE");
        var busy = await PostAsync("OwnCaseload", Query, new { t = "T-SAFE" }, user: "manager", team: "T-ASSESS");
        var idle = await PostAsync("OwnCaseload", Query, new { t = "T-ASSESS" }, user: "manager", team: "T-OTHER");

        Assert.Null(Code(own));
        Assert.Equal(2, own.GetProperty("data").GetProperty("team").GetProperty("caseload").GetArrayLength());
        foreach (var refused in new[] { busy, idle })
        {
            Assert.Equal("OUTSIDE_SCOPE", Code(refused));
            Assert.Equal(0, refused.GetProperty("data").GetProperty("team").GetProperty("caseload").GetArrayLength());
        }

        Assert.Equal(Message(busy), Message(idle));
        Assert.False(busy.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("leftOut", out _));
    }

    [Fact]
    public async Task Caseload_UnderEveryonesScope_AnyWorkers() =>
        Assert.Equal(2, (await PostAsync("Everyone", "{ caseload(workerId: \"W001\") { personId } }")).GetProperty("data").GetProperty("caseload").GetArrayLength());

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
