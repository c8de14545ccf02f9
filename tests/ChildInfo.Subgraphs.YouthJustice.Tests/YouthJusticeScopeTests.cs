using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>
/// Every path into youth justice cases over a real database, with a context key: the root lookup, a child's cases and
/// (through the shared cases) <c>_entities</c> decide record scope with the service's allocations, or refuse a scope
/// the service cannot decide.
/// </summary>
public abstract class YouthJusticeScopeTests : ScopedSubgraphTests
{
    protected override SubgraphDefinition CreateDefinition() => new YouthJusticeSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => YouthJusticeSeed.WriteAsync(database);

    protected override string DatabaseName => "yj_scope";

    private const string Case = "query($id: ID!) { youthJusticeCase(caseId: $id) { caseId } }";

    /// <summary>Case 2 is open and allocated to Daniel Okafor; case 3 is someone else's.</summary>
    protected override EntityScopeCase Entity => new("YouthJusticeCase", "caseId", "forename surname dateOfBirth", "voice { words }",
        Context("OwnCaseload", "yjs-daniel-okafor"), "YJC-000002", "YJC-000003", ["Maisie", "2011-06-30"], "OwnSchoolRoll");

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
    public async Task Everyone_ReachesAnyCase_EvenClosed() =>
        Assert.Null(Code(await CaseAsync("Everyone", new { id = "YJC-000001" })));

    private const string ChildCases = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id youthJustice { caseId outcomeType } } } }";

    private static object Children(params string[] ids) => new { r = ids.Select(id => new { __typename = "Child", id }).ToArray() };

    [Fact]
    public async Task ChildCases_ListOnlyTheCasesInScope_AndSayNothingOfOthers()
    {
        // CH-A0000001: case 2 is Daniel's, case 1 closed; CH-A0000002: case 3 is someone else's; CH-NONE has no case.
        var response = await PostAsync(Context("OwnCaseload", "yjs-daniel-okafor"), ChildCases, Children("CH-A0000001", "CH-A0000002", "CH-NONE"));

        var children = response.GetProperty("data").GetProperty("_entities");
        Assert.Equal(["YJC-000002"], children[0].GetProperty("youthJustice").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));
        Assert.Equal(0, children[1].GetProperty("youthJustice").GetArrayLength());
        Assert.Equal(0, children[2].GetProperty("youthJustice").GetArrayLength());
        var notices = response.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, notices.Count);
        Assert.All(notices, n => Assert.Equal("OUTSIDE_SCOPE", n.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Single(notices.Select(n => n.GetProperty("message").GetString()).Distinct(StringComparer.Ordinal));
        Assert.DoesNotContain("YJC-000003", response.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("COMMUNITY_RESOLUTION", response.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildCases_EveryonesScope_ListsEveryCase_WithoutNotice()
    {
        var response = await PostAsync(Context("Everyone"), ChildCases, Children("CH-A0000001", "CH-A0000002"));

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(2, response.GetProperty("data").GetProperty("_entities")[0].GetProperty("youthJustice").GetArrayLength());
        Assert.Equal("YJC-000003", response.GetProperty("data").GetProperty("_entities")[1].GetProperty("youthJustice")[0].GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task ChildCases_UnderSchoolRollScope_AreRefused()
    {
        var response = await PostAsync(Context("OwnSchoolRoll") with { School = "100001" }, ChildCases, Children("CH-A0000001"));

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.DoesNotContain("YJC-", response.GetRawText(), StringComparison.Ordinal);
    }

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
