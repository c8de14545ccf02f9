using System.Text.Json;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.ChildIndex;

/// <summary>
/// Record scope in the child index over a real database: every way in (<c>child</c>, <c>_entities</c> through the
/// shared cases, search) reaches only children with a current relationship to the caller's holders, as the signed
/// context names them; a search never says whether, or how many, children outside the scope matched; and a child's
/// links list only the agencies the caller's rule may link to.
/// </summary>
public abstract class ChildIndexScopeTests : ScopedSubgraphTests
{
    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id surname pupil { upn } } }";

    protected override SubgraphDefinition CreateDefinition() => new ChildIndexSubgraph();

    protected override Task SeedAsync(AgencyDatabase database) => SeedIndexAsync(database);

    protected override string DatabaseName => "childindexscope";

    /// <summary>W0001 holds CH-SCOPE001's case; CH-SCOPE004 is held by a setting and a voluntary organisation.</summary>
    protected override EntityScopeCase Entity => new("Child", "id", "forename surname dateOfBirth", "links { localId }",
        Context("OwnCaseload", "W0001"), "CH-SCOPE001", "CH-SCOPE004", ["Kacper", "Nowak", "2021-11-20"], "Neighbourhood");

    private static async Task SeedIndexAsync(AgencyDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        var created = new DateOnly(2026, 9, 1);
        await writer.InsertAsync("ci_child", ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on"],
        [
            ["CH-SCOPE001", "Amelia", null, "Hughes", 'F', new DateOnly(2014, 3, 9), "NS1 4AB", null, "A999123424001", created],
            ["CH-SCOPE002", "Amelia", null, "Hughes", 'F', new DateOnly(2014, 3, 9), "NS1 4AB", null, null, created],
            ["CH-SCOPE003", "Amelia", null, "Hughes", 'F', new DateOnly(2014, 3, 9), "NS1 4AB", null, null, created],
            ["CH-SCOPE004", "Kacper", null, "Nowak", 'M', new DateOnly(2021, 11, 20), "NS7 2QT", null, null, created],
        ]);
        await writer.InsertAsync("ci_record_link", ["link_id", "child_id", "source_system", "local_id", "match_method", "match_confidence", "linked_on"],
        [
            ["CH-SCOPE001-ED", "CH-SCOPE001", "education", "A999123424001", "UPN", 1m, created],
            ["CH-SCOPE001-SC", "CH-SCOPE001", "social-care", "LA0000001", "NHS_NUMBER", 1m, created],
            ["CH-SCOPE001-VS", "CH-SCOPE001", "voluntary-sector", "VCS-0000001", "DEMOGRAPHIC", 0.95m, created],
            ["CH-SCOPE002-SC", "CH-SCOPE002", "social-care", "LA0000002", "DEMOGRAPHIC", 0.9m, created],
            ["CH-SCOPE004-VS", "CH-SCOPE004", "voluntary-sector", "VCS-0000004", "DEMOGRAPHIC", 0.92m, created],
        ]);
        await writer.InsertAsync("ci_relationship", ["relationship_id", "child_id", "kind", "holder_type", "holder", "source_system", "start_date", "end_date"],
        [
            ["R1", "CH-SCOPE001", "caseload", "user", "W0001", "social-care", created, null],
            ["R2", "CH-SCOPE001", "caseload", "team", "T01", "social-care", created, null],
            ["R3", "CH-SCOPE001", "school_roll", "school", "100001", "education", created, null],
            ["R4", "CH-SCOPE002", "caseload", "user", "W0002", "social-care", created, null],
            ["R5", "CH-SCOPE002", "caseload", "team", "T02", "social-care", created, null],
            // An ended allocation no longer counts.
            ["R6", "CH-SCOPE003", "caseload", "user", "W0001", "social-care", created.AddYears(-2), created.AddYears(-1)],
            ["R7", "CH-SCOPE004", "setting", "setting", "200001", "early-years", created, null],
            ["R8", "CH-SCOPE004", "caseload", "organisation", "ORG-01", "voluntary-sector", created, null],
        ]);
    }

    private SubgraphContext Caseload(string user = "W0001") => Context("OwnCaseload", user);

    private Task<JsonElement> ChildAsync(SubgraphContext context, string id) => PostAsync(context, ChildQuery, new { id });

    private static JsonElement OnlyError(JsonElement response)
    {
        var errors = response.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        return errors[0];
    }

    private static void AssertOutsideScope(JsonElement response, string scope, string childId)
    {
        var error = OnlyError(response);
        var extensions = error.GetProperty("extensions");
        Assert.Equal("OUTSIDE_SCOPE", extensions.GetProperty("code").GetString());
        Assert.Equal(scope, extensions.GetProperty("scope").GetString());
        Assert.Equal("role/purpose", extensions.GetProperty("rule").GetString());
        Assert.DoesNotContain(childId, error.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Child_AllocatedToTheCaller_IsReturned()
    {
        var response = await ChildAsync(Caseload(), "CH-SCOPE001");

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal("A999123424001", response.GetProperty("data").GetProperty("child").GetProperty("pupil").GetProperty("upn").GetString());
    }

    [Fact]
    public async Task Child_AllocatedToSomeoneElse_IsNullWithOutsideScope()
    {
        var response = await ChildAsync(Caseload(), "CH-SCOPE002");

        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("child").ValueKind);
        AssertOutsideScope(response, "own_caseload", "CH-SCOPE002");
        Assert.Equal("child", OnlyError(response).GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Child_WhoseAllocationEnded_IsOutsideScope() =>
        AssertOutsideScope(await ChildAsync(Caseload(), "CH-SCOPE003"), "own_caseload", "CH-SCOPE003");

    [Fact]
    public async Task Child_UnknownId_IsOutsideScope_SoExistenceIsNotRevealed() =>
        AssertOutsideScope(await ChildAsync(Caseload(), "CH-NOPE"), "own_caseload", "CH-NOPE");

    [Fact]
    public async Task Child_AllocatedToTheTeamTheCallerActsFor_IsReturned()
    {
        var response = await ChildAsync(Caseload("W0099") with { Team = "T02" }, "CH-SCOPE002");

        Assert.Equal("CH-SCOPE002", response.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Child_HeldByTheCallersOrganisation_IsReturned()
    {
        var response = await ChildAsync(Caseload("W0099") with { Organisation = "ORG-01" }, "CH-SCOPE004");

        Assert.Equal("CH-SCOPE004", response.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
    }

    [Fact]
    public async Task SchoolRoll_ReachesPupilsOfTheCallersSchoolOnly()
    {
        var onRoll = await ChildAsync(Context("OwnSchoolRoll", "W0001") with { School = "100001" }, "CH-SCOPE001");
        var elsewhere = await ChildAsync(Context("OwnSchoolRoll", "W0001") with { School = "100001" }, "CH-SCOPE002");
        var noSchool = await ChildAsync(Context("OwnSchoolRoll", "W0001"), "CH-SCOPE001");

        Assert.Equal("CH-SCOPE001", onRoll.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        AssertOutsideScope(elsewhere, "own_school_roll", "CH-SCOPE002");
        AssertOutsideScope(noSchool, "own_school_roll", "CH-SCOPE001");
    }

    [Fact]
    public async Task Setting_ReachesChildrenOfTheCallersSettingOnly()
    {
        var attending = await ChildAsync(Context("OwnSetting", "W0001") with { Setting = "200001" }, "CH-SCOPE004");
        var elsewhere = await ChildAsync(Context("OwnSetting", "W0001") with { Setting = "200001" }, "CH-SCOPE001");

        Assert.Equal("CH-SCOPE004", attending.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        AssertOutsideScope(elsewhere, "own_setting", "CH-SCOPE001");
    }

    [Fact]
    public async Task Everyone_SeesEveryChild()
    {
        foreach (var id in new[] { "CH-SCOPE001", "CH-SCOPE002", "CH-SCOPE003", "CH-SCOPE004" })
        {
            var response = await ChildAsync(Context("Everyone"), id);

            Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
            Assert.Equal(id, response.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task UnknownScope_ReachesNobody() =>
        Assert.Equal("OUTSIDE_SCOPE", OnlyError(await ChildAsync(Context("Neighbourhood", "W0001"), "CH-SCOPE001")).GetProperty("extensions").GetProperty("code").GetString());

    private const string AmeliaSearch = """query { searchChildren(forename: "Amelia", surname: "Hughes", dateOfBirth: "2014-03-09") { child { id } score matchedOn } }""";

    [Fact]
    public async Task Search_LeavesOutChildrenOutOfScope_WithANoticeThatCountsNothing()
    {
        var response = await PostAsync(Caseload(), AmeliaSearch);

        var candidates = response.GetProperty("data").GetProperty("searchChildren");
        Assert.Equal(["CH-SCOPE001"], candidates.EnumerateArray().Select(c => c.GetProperty("child").GetProperty("id").GetString()));
        var error = OnlyError(response);
        Assert.Equal("OUTSIDE_SCOPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(error.GetProperty("extensions").TryGetProperty("leftOut", out _));
        Assert.DoesNotContain("CH-SCOPE00", error.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MatchingOnlyChildrenOutOfScope_AnswersExactlyAsMatchingNobody()
    {
        // CH-SCOPE004 exists but is outside W0001's scope; nobody is called Zephyr Quill.
        var outOfScope = await PostAsync(Caseload(), """query { searchChildren(forename: "Kacper", surname: "Nowak", dateOfBirth: "2021-11-20", postcode: "NS7 2QT") { child { id } score } }""");
        var nobody = await PostAsync(Caseload(), """query { searchChildren(forename: "Zephyr", surname: "Quill", dateOfBirth: "2021-11-21", postcode: "NS9 9ZZ") { child { id } score } }""");

        Assert.Equal(0, outOfScope.GetProperty("data").GetProperty("searchChildren").GetArrayLength());
        Assert.Equal(nobody.GetRawText(), outOfScope.GetRawText());
    }

    [Fact]
    public async Task Search_Notice_IsTheSameWhetherChildrenWereLeftOutOrNot()
    {
        // For W0002, CH-SCOPE002 is in scope and two Amelias are left out; nobody is called Quill, so nobody is left out.
        var leftOut = await PostAsync(Caseload("W0002"), AmeliaSearch);
        var none = await PostAsync(Caseload("W0002"), """query { searchChildren(surname: "Quill") { child { id } } }""");

        Assert.Equal(["CH-SCOPE002"], leftOut.GetProperty("data").GetProperty("searchChildren").EnumerateArray().Select(c => c.GetProperty("child").GetProperty("id").GetString()));
        Assert.Equal(OnlyError(leftOut).GetRawText(), OnlyError(none).GetRawText());
    }

    [Fact]
    public async Task Search_Everyone_FindsAll()
    {
        var response = await PostAsync(Context("Everyone"), AmeliaSearch);

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(3, response.GetProperty("data").GetProperty("searchChildren").GetArrayLength());
    }

    private const string LinksQuery = "query($id: ID!) { child(id: $id) { id links { sourceSystem localId } } }";

    [Fact]
    public async Task Links_ListOnlyTheAgenciesTheRuleMayLinkTo()
    {
        var caller = Caseload() with { Links = new HashSet<string>(["Child.pupil", "Child.vcsParticipant"], StringComparer.Ordinal) };

        var response = await PostAsync(caller, LinksQuery, new { id = "CH-SCOPE001" });

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        var links = response.GetProperty("data").GetProperty("child").GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["education", "voluntary-sector"], links.Select(l => l.GetProperty("sourceSystem").GetString()));
        Assert.DoesNotContain("LA0000001", response.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("social-care", response.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_ToAnAgencyTheRuleMayNotLinkTo_AnswerAsIfThereWereNone()
    {
        // A keyworker's rule links only the voluntary sector: CH-SCOPE001 is known to education and social care too,
        // CH-SCOPE004 is not, and the two answers must not differ but for the child's own id and voluntary-sector record.
        var keyworker = Context("OwnCaseload", "W0001") with { Organisation = "ORG-01", Links = new HashSet<string>(["Child.vcsParticipant"], StringComparer.Ordinal) };

        var knownElsewhere = await PostAsync(keyworker, LinksQuery, new { id = "CH-SCOPE001" });
        var knownNowhereElse = await PostAsync(keyworker, LinksQuery, new { id = "CH-SCOPE004" });

        Assert.Equal(
            knownNowhereElse.GetRawText().Replace("CH-SCOPE004", "CH", StringComparison.Ordinal).Replace("VCS-0000004", "VCS", StringComparison.Ordinal),
            knownElsewhere.GetRawText().Replace("CH-SCOPE001", "CH", StringComparison.Ordinal).Replace("VCS-0000001", "VCS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_RuleThatLinksNothing_ListsNone()
    {
        var response = await PostAsync(Caseload() with { Links = new HashSet<string>(StringComparer.Ordinal) }, LinksQuery, new { id = "CH-SCOPE001" });

        Assert.Equal(0, response.GetProperty("data").GetProperty("child").GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task Links_RuleThatLinksEveryAgency_ListsEveryLink() =>
        Assert.Equal(3, (await PostAsync(Caseload(), LinksQuery, new { id = "CH-SCOPE001" })).GetProperty("data").GetProperty("child").GetProperty("links").GetArrayLength());
}

public sealed class ChildIndexScopeTests_Sqlite : ChildIndexScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class ChildIndexScopeTests_Postgres : ChildIndexScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
