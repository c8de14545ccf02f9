using System.Text.Json;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.ChildIndex;

/// <summary>The child-index subgraph over a real database, spoken to over HTTP as the gateway would.</summary>
public abstract class ChildIndexSubgraphTests : IAsyncLifetime
{
    private SubgraphTestHost _host = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), await TestDatabases.CreateAsync(Provider, "childindex"), SeedAsync);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static async Task SeedAsync(AgencyDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        string[] childColumns = ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on"];
        var created = new DateOnly(2026, 9, 1);
        var children = new List<object?[]>
        {
            new object?[] { "CH-AAAA0001", "Amelia", null, "Hughes", 'F', new DateOnly(2014, 3, 9), "NS1 4AB", "9990000018", "A999123424001", created },
            new object?[] { "CH-AAAA0002", "Amelia", "Rose", "Hughs", 'F', new DateOnly(2014, 9, 3), "NS1 4AB", null, null, created },
            new object?[] { "CH-AAAA0003", "Kacper", null, "Nowak", 'M', new DateOnly(2019, 11, 20), "NS7 2QT", "9990000026", null, created },
        };
        // Many more children, so that batching is visible.
        for (var i = 10; i < 260; i++)
        {
            children.Add([$"CH-BULK{i:0000}", "Sam", null, "Taylor", 'M', new DateOnly(2012, 1, 1).AddDays(i), "NS3 1AA", null, null, created]);
        }

        await writer.InsertAsync("ci_child", childColumns, children);
        await writer.InsertAsync("ci_record_link", ["link_id", "child_id", "source_system", "local_id", "match_method", "match_confidence", "linked_on", "match_weight", "match_evidence"],
        [
            ["CH-AAAA0001-ED", "CH-AAAA0001", "education", "A999123424001", "UPN", 1m, created, null, null],
            ["CH-AAAA0001-SC", "CH-AAAA0001", "social-care", "LA0004411", "DEMOGRAPHIC", 0.88m, created, 2.87m,
                """[{"field":"forename","comparison":"the same","weight":5.1},{"field":"dateOfBirth","comparison":"day and month swapped","weight":3.2},{"field":"postcode","comparison":"different","weight":-4.9}]"""],
            ["CH-AAAA0003-EY", "CH-AAAA0003", "early-years", "EY0009921", "NHS_NUMBER", 1m, created, null, null],
            ["CH-AAAA0003-VS", "CH-AAAA0003", "voluntary-sector", "VCS-00017", "CLERICAL", 1m, created, null, "not json"],
        ]);
    }

    [Fact]
    public async Task Service_Sdl_DeclaresChildKeyAndAgencyReferencesByKeyOnly()
    {
        var sdl = (await _host.QueryAsync("{ _service { sdl } }")).GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Contains("type Child @key(fields: \"id\")", sdl);
        Assert.Contains("type Pupil @key(fields: \"upn\", resolvable: false)", sdl);
        Assert.Contains("type SocialCareChild @key(fields: \"personId\", resolvable: false)", sdl);
    }

    [Fact]
    public async Task Entities_ResolveInOrder_UnknownIsNull_LinksFollowAgencies()
    {
        var response = await _host.QueryAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id surname dateOfBirth links { sourceSystem localId matchMethod matchConfidence } pupil { upn } socialCareChild { personId } earlyYearsChild { eyChildId } } } }",
            new { r = new object[] { new { __typename = "Child", id = "CH-AAAA0003" }, new { __typename = "Child", id = "CH-NOPE" }, new { __typename = "Child", id = "CH-AAAA0001" } } });

        var entities = response.GetProperty("data").GetProperty("_entities");
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal("CH-AAAA0003", entities[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal("CH-AAAA0001", entities[2].GetProperty("id").GetString());
        Assert.Equal("2014-03-09", entities[2].GetProperty("dateOfBirth").GetString());
        Assert.Equal("A999123424001", entities[2].GetProperty("pupil").GetProperty("upn").GetString());
        Assert.Equal("LA0004411", entities[2].GetProperty("socialCareChild").GetProperty("personId").GetString());
        Assert.Equal(JsonValueKind.Null, entities[2].GetProperty("earlyYearsChild").ValueKind);
        Assert.Equal("EY0009921", entities[0].GetProperty("earlyYearsChild").GetProperty("eyChildId").GetString());
        Assert.Equal(0.88, entities[2].GetProperty("links")[1].GetProperty("matchConfidence").GetDouble());
    }

    [Fact]
    public async Task Links_AProbabilisticLink_ExplainsItsWeightAndEachFieldsEvidence()
    {
        var response = await _host.QueryAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { links { sourceSystem matchMethod matchWeight matchEvidence { field comparison weight } } } } }",
            new { r = new object[] { new { __typename = "Child", id = "CH-AAAA0001" }, new { __typename = "Child", id = "CH-AAAA0003" } } });

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        var entities = response.GetProperty("data").GetProperty("_entities");
        var care = entities[0].GetProperty("links").EnumerateArray().Single(l => l.GetProperty("sourceSystem").GetString() == "social-care");
        Assert.Equal(2.87, care.GetProperty("matchWeight").GetDouble());
        var evidence = care.GetProperty("matchEvidence").EnumerateArray().ToList();
        Assert.Equal(["forename", "dateOfBirth", "postcode"], evidence.Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("day and month swapped", evidence[1].GetProperty("comparison").GetString());
        Assert.Equal(-4.9, evidence[2].GetProperty("weight").GetDouble());
        var school = entities[0].GetProperty("links").EnumerateArray().Single(l => l.GetProperty("sourceSystem").GetString() == "education");
        Assert.Equal(JsonValueKind.Null, school.GetProperty("matchWeight").ValueKind);
        Assert.Equal(JsonValueKind.Null, school.GetProperty("matchEvidence").ValueKind);
        // Evidence the index cannot read is none, not an error that costs the child's other links.
        var charity = entities[1].GetProperty("links").EnumerateArray().Single(l => l.GetProperty("sourceSystem").GetString() == "voluntary-sector");
        Assert.Equal(JsonValueKind.Null, charity.GetProperty("matchEvidence").ValueKind);
    }

    [Fact]
    public async Task Sdl_RecordLinkMethod_ListsEveryMethodTheLinkageJobWrites()
    {
        var sdl = (await _host.QueryAsync("{ _service { sdl } }")).GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        foreach (var method in new[] { "NHS_NUMBER", "UPN", "DEMOGRAPHIC", "CLERICAL", "SOLE_RECORD" })
        {
            Assert.Contains(method, sdl, StringComparison.Ordinal);
        }

        Assert.Contains("matchWeight: Float", sdl, StringComparison.Ordinal);
        Assert.Contains("matchEvidence: [MatchEvidence!]", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_TwoHundredRepresentations_CostOneQueryPerTableNotOnePerChild()
    {
        var representations = Enumerable.Range(10, 200).Select(i => new { __typename = "Child", id = $"CH-BULK{i:0000}" }).ToArray();
        var before = _host.Database.ConnectionsOpened;

        var response = await _host.QueryAsync("query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id links { localId } pupil { upn } } } }", new { r = representations });

        Assert.Equal(200, response.GetProperty("data").GetProperty("_entities").GetArrayLength());
        Assert.Equal(2, _host.Database.ConnectionsOpened - before);
    }

    [Fact]
    public async Task Search_RanksExactMatchFirst_AndFindsTyposAndTransposedDates()
    {
        var response = await _host.QueryAsync("""{ searchChildren(forename: "Amelia", surname: "Hughes", dateOfBirth: "2014-03-09", postcode: "ns14ab") { child { id } score matchedOn } }""");

        var candidates = response.GetProperty("data").GetProperty("searchChildren");
        Assert.Equal(2, candidates.GetArrayLength());
        Assert.Equal("CH-AAAA0001", candidates[0].GetProperty("child").GetProperty("id").GetString());
        Assert.Equal("CH-AAAA0002", candidates[1].GetProperty("child").GetProperty("id").GetString());
        Assert.True(candidates[0].GetProperty("score").GetDouble() > 0.95);
        Assert.True(candidates[1].GetProperty("score").GetDouble() < candidates[0].GetProperty("score").GetDouble());
        var second = candidates[1].GetProperty("matchedOn").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("surname (close)", second);
        Assert.Contains("dateOfBirth (day and month transposed)", second);
    }

    [Fact]
    public async Task Search_WithoutSurnameOrDateOfBirth_IsRefusedClearly()
    {
        var response = await _host.QueryAsync("""{ searchChildren(forename: "Sam") { score } }""");

        var error = response.GetProperty("errors")[0];
        Assert.Equal("A search needs at least a surname or a date of birth.", error.GetProperty("message").GetString());
        Assert.Equal("SEARCH_TOO_BROAD", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}

public sealed class ChildIndexSubgraphTests_Sqlite : ChildIndexSubgraphTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class ChildIndexSubgraphTests_Postgres : ChildIndexSubgraphTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
