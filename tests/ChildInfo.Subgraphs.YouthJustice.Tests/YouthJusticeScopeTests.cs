using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The root lookup over a real database, with a context key: it decides record scope with the service's allocations or refuses.</summary>
public abstract class YouthJusticeScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new YouthJusticeSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => YouthJusticeSeed.WriteAsync(database);

    protected override string DatabaseName => "yj_scope";

    private const string Case = "query($id: ID!) { youthJusticeCase(caseId: $id) { caseId } }";

    [Fact]
    public async Task OpenCase_AllocatedToTheCaller_IsReturned_ClosedAndOthersAreOutsideScope()
    {
        var own = await CaseAsync("OwnCaseload", new { id = "YJC-000002" }, user: "yjs-daniel-okafor");
        var closed = await CaseAsync("OwnCaseload", new { id = "YJC-000001" }, user: "yjs-rebecca-lloyd");
        var someoneElses = await CaseAsync("OwnCaseload", new { id = "YJC-000003" }, user: "yjs-daniel-okafor");

        Assert.Equal("YJC-000002", own.GetProperty("data").GetProperty("youthJusticeCase").GetProperty("caseId").GetString());
        Assert.Equal("OUTSIDE_SCOPE", Code(closed));
        Assert.Equal("OUTSIDE_SCOPE", Code(someoneElses));
        Assert.Equal(JsonValueKind.Null, someoneElses.GetProperty("data").GetProperty("youthJusticeCase").ValueKind);
    }

    [Fact]
    public async Task OpenCase_OfTheCallersTeam_IsReturned() =>
        Assert.Null(Code(await CaseAsync("OwnCaseload", new { id = "YJC-000002" }, user: "a-team-manager", team: "yjs-court-south")));

    [Fact]
    public async Task UnknownCase_UnderCaseloadScope_IsOutsideScopeNotNull() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await CaseAsync("OwnCaseload", new { id = "YJC-999999" }, user: "yjs-daniel-okafor")));

    [Fact]
    public async Task AnyCase_UnderSchoolRollScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await CaseAsync("OwnSchoolRoll", new { id = "YJC-000002" }, school: "100001");

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_ForAWorkerWhoseCaseloadIsHeldHere_OnlyTheirOpenCases()
    {
        var (keys, response) = await EntitiesAsync("OwnCaseload", "YouthJusticeCase", "caseId", ["YJC-000003", "YJC-000002"], user: "yjs-daniel-okafor");

        Assert.Equal([null, "YJC-000002"], keys);
        AssertEntityOutsideScope(response, 0, "YJC-000003");
    }

    [Fact]
    public async Task Entities_ForACaseloadHeldElsewhere_ServeTheKeysOfTheSignedBody()
    {
        var (keys, _) = await EntitiesAsync("OwnCaseload", "YouthJusticeCase", "caseId", ["YJC-000003", "YJC-000002"], user: "W0022", team: "T-SAFE");

        Assert.Equal(["YJC-000003", "YJC-000002"], keys);
    }

    [Fact]
    public async Task ChildsCases_ForAWorkerWhoseCaseloadIsHeldHere_ListOnlyTheirs_AndCountNothingElse()
    {
        const string query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id youthJustice { caseId } } } }";
        var representations = new { r = new[] { new { __typename = "Child", id = "CH-A0000001" } } };

        var theirs = await PostAsync("OwnCaseload", query, representations, user: "yjs-daniel-okafor");
        var elsewhere = await PostAsync("OwnCaseload", query, representations, user: "W0022");

        static IEnumerable<string?> Cases(JsonElement response) =>
            response.GetProperty("data").GetProperty("_entities")[0].GetProperty("youthJustice").EnumerateArray().Select(c => c.GetProperty("caseId").GetString());
        // The closed referral order was someone else's; the worker sees their open order and no sign of the other.
        Assert.Equal(["YJC-000002"], Cases(theirs));
        Assert.False(theirs.TryGetProperty("errors", out _), theirs.GetRawText());
        Assert.Equal(["YJC-000001", "YJC-000002"], Cases(elsewhere).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Everyone_ReachesAnyCase_EvenClosed() =>
        Assert.Null(Code(await CaseAsync("Everyone", new { id = "YJC-000001" })));

    private Task<JsonElement> CaseAsync(string scope, object variables, string user = "nobody", string? team = null, string? school = null) =>
        PostAsync(scope, Case, variables, user, team, school: school);
}

public sealed class YouthJusticeScopeTests_Sqlite : YouthJusticeScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class YouthJusticeScopeTests_Postgres : YouthJusticeScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
