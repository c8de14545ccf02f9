using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// What every agency's <c>_linkageRecords</c> owes the linkage job: federation-only in the SDL; every record the
/// agency holds exactly once across the pages, in local id order, with the identifying fields it holds; served only
/// to a context for purpose record_linkage that carries this agency's <c>identify:</c> label (a practitioner's or an
/// analyst's context, or a linkage context for another agency, gets <c>LINKAGE_NOT_ALLOWED</c> and no data). Each
/// agency's test project runs it through a one-line subclass naming its cohort fixture, on SQLite and PostgreSQL.
/// </summary>
public abstract class LinkageContractTests<TDefinition>(CohortFixture<TDefinition> fixture)
    where TDefinition : SubgraphDefinition
{
    private const string PageQuery = "query($first: Int!, $after: String) { _linkageRecords(first: $first, after: $after) { next records { localId forename middleName surname sex dateOfBirth postcode nhsNumber upn } } }";

    private const string OneQuery = "query($localId: ID!) { _linkageRecords(first: 1, localId: $localId) { next records { localId forename middleName surname sex dateOfBirth postcode nhsNumber upn } } }";

    [Fact]
    public async Task Sdl_LinkageFieldAndTypes_AreInaccessibleAndShareable()
    {
        var body = await fixture.Host.QueryAsync("{ _service { sdl } }");
        var sdl = body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Matches(@"_linkageRecords\(\s*first: Int!,\s*after: String,\s*(""[^""]*""\s*)?localId: ID\): LinkageRecordPage! @shareable @inaccessible", sdl);
        Assert.Contains("type LinkageIdentity @shareable @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("type LinkageRecordPage @shareable @inaccessible", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_LinkageContext_EveryRecordOnceAcrossPagesInOrder()
    {
        var keys = (await fixture.QueryAsync<string>(fixture.RecordKeysSql)).ToHashSet(StringComparer.Ordinal);

        var records = await AllAsync(pageSize: 333);

        var ids = records.Select(r => r.GetProperty("localId").GetString()!).ToList();
        Assert.Equal(keys.Count, ids.Count);
        Assert.True(keys.SetEquals(ids));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(records.Count(r => r.GetProperty("surname").ValueKind == JsonValueKind.String) * 10 >= records.Count * 9, "nine in ten records have a surname");
        Assert.True(records.Count(r => r.GetProperty("dateOfBirth").ValueKind == JsonValueKind.String) * 10 >= records.Count * 9, "nine in ten records have a date of birth");
    }

    [Fact]
    public async Task Records_PageSizeDoesNotChangeWhatIsRead()
    {
        var small = await AllAsync(pageSize: 97);
        var large = await AllAsync(pageSize: LinkageFields.MaxPage);

        Assert.Equal(large.Select(r => r.ToString()), small.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Records_ByLocalId_TheOneRecordAsInThePages()
    {
        var all = await AllAsync(pageSize: LinkageFields.MaxPage);
        var wanted = all[all.Count / 2];

        var response = await fixture.PostAsync(fixture.Identifying(), OneQuery, new { localId = wanted.GetProperty("localId").GetString() });

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var page = response.GetProperty("data").GetProperty("_linkageRecords");
        Assert.Equal(wanted.ToString(), Assert.Single(page.GetProperty("records").EnumerateArray().ToList()).ToString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("no-such-record")]
    [InlineData("' OR 1=1 --")]
    public async Task Records_ByAnUnknownLocalId_AnEmptyPage(string localId)
    {
        var response = await fixture.PostAsync(fixture.Identifying(), OneQuery, new { localId });

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(0, response.GetProperty("data").GetProperty("_linkageRecords").GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Records_ByLocalIdForAnotherAgency_NotAllowed()
    {
        var all = await AllAsync(pageSize: LinkageFields.MaxPage);

        var response = await fixture.PostAsync(fixture.Identifying(agencies: "some-other-agency"), OneQuery, new { localId = all[0].GetProperty("localId").GetString() });

        CohortContractTests<TDefinition>.AssertRefusedWith(response, LinkageErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Records_RowLevelContext_NotAllowedAndNoData()
    {
        CohortContractTests<TDefinition>.AssertRefusedWith(await fixture.PostAsync(fixture.RowLevel(), PageQuery, new { first = 10 }), LinkageErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Records_AnalystContext_NotAllowedAndNoData()
    {
        CohortContractTests<TDefinition>.AssertRefusedWith(await fixture.PostAsync(fixture.CountingEverything(), PageQuery, new { first = 10 }), LinkageErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Records_LinkageContextForAnotherAgency_NotAllowed()
    {
        var response = await fixture.PostAsync(fixture.Identifying(agencies: "some-other-agency"), PageQuery, new { first = 10 });

        CohortContractTests<TDefinition>.AssertRefusedWith(response, LinkageErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Records_IdentifyingLabelUnderAnotherPurpose_NotAllowed()
    {
        var response = await fixture.PostAsync(fixture.Identifying(purpose: "service_planning"), PageQuery, new { first = 10 });

        CohortContractTests<TDefinition>.AssertRefusedWith(response, LinkageErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Records_WithoutContext_Unauthenticated()
    {
        var response = await fixture.Host.QueryAsync("{ _linkageRecords(first: 10) { records { localId surname } } }");

        Assert.Equal("UNAUTHENTICATED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(response.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(LinkageFields.MaxPage + 1)]
    public async Task Records_PageSizeOutOfRange_BadPage(int first)
    {
        CohortContractTests<TDefinition>.AssertRefusedWith(await fixture.PostAsync(fixture.Identifying(), PageQuery, new { first }), LinkageErrors.BadPageCode);
    }

    [Fact]
    public async Task Records_CursorLikeInjection_IsOnlyACursor()
    {
        var response = await fixture.PostAsync(fixture.Identifying(), PageQuery, new { first = 5, after = "' OR 1=1; DROP TABLE x; --" });

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.True(response.GetProperty("data").GetProperty("_linkageRecords").GetProperty("records").GetArrayLength() <= 5);
    }

    /// <summary>Every record, read page by page as the linkage job reads them.</summary>
    protected async Task<List<JsonElement>> AllAsync(int pageSize)
    {
        var records = new List<JsonElement>();
        string? after = null;
        do
        {
            var response = await fixture.PostAsync(fixture.Identifying(), PageQuery, new { first = pageSize, after });
            Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
            var page = response.GetProperty("data").GetProperty("_linkageRecords");
            var rows = page.GetProperty("records").EnumerateArray().ToList();
            Assert.True(rows.Count <= pageSize);
            Assert.True(after is null || rows.All(r => string.CompareOrdinal(r.GetProperty("localId").GetString(), after) > 0), "a page starts after its cursor");
            records.AddRange(rows);
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (after is not null);

        return records;
    }
}
