using System.Text.Json;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using ChildInfo.Subgraphs.YouthJustice.Voice;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The youth justice subgraph over HTTP, as the gateway speaks to it; run once per database provider.</summary>
public abstract class YouthJusticeSubgraphTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : YouthJusticeHostFixture
{
    private SubgraphTestHost Host => fixture.Host;

    private const string ChildEntitiesQuery = """
        query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id youthJustice { caseId outcomeType status } } } }
        """;

    private const string CaseEntitiesQuery = """
        query($reps: [_Any!]!) { _entities(representations: $reps) { ... on YouthJusticeCase { caseId outcomeType offenceCategory } } }
        """;

    private static Dictionary<string, object?> ChildRep(object? id) => new() { ["__typename"] = "Child", ["id"] = id };

    private static Dictionary<string, object?> CaseRep(object? caseId) => new() { ["__typename"] = "YouthJusticeCase", ["caseId"] = caseId };

    [Fact]
    public async Task Service_Sdl_DeclaresCaseKeyChildExtensionAndSharedTypes()
    {
        var result = await Host.QueryAsync("{ _service { sdl } }");

        var sdl = result.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
        Assert.Contains("@link(url: \"https://specs.apollo.dev/federation/v2.3\"", sdl);
        Assert.Contains("type YouthJusticeCase @key(fields: \"caseId\")", sdl);
        Assert.Contains("type Child @key(fields: \"id\")", sdl);
        Assert.Contains("youthJustice: [YouthJusticeCase!]\n", sdl.ReplaceLineEndings("\n"));
        Assert.Contains("youthJusticeCase(caseId: ID!): YouthJusticeCase", sdl);
        Assert.Contains("type ChildVoice @shareable", sdl);
        Assert.Contains("type DataUsePreference @shareable", sdl);
        Assert.Contains("type YouthJusticeCaseWorker {", sdl);
        Assert.Matches(@"union _Entity = (YouthJusticeCase \| Child|Child \| YouthJusticeCase)", sdl);
    }

    [Fact]
    public async Task Entities_Children_CasesNewestFirstAndEmptyForAChildWithNone()
    {
        var result = await Host.QueryAsync(ChildEntitiesQuery, new { reps = new[] { ChildRep("CH-A0000001"), ChildRep("CH-NOBODY"), ChildRep("CH-A0000002") } });

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal("CH-A0000001", entities[0].GetProperty("id").GetString());
        Assert.Equal(["YJC-000002", "YJC-000001"], entities[0].GetProperty("youthJustice").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));
        Assert.Equal("CH-NOBODY", entities[1].GetProperty("id").GetString());
        Assert.Equal(0, entities[1].GetProperty("youthJustice").GetArrayLength());
        Assert.Equal("COMMUNITY_RESOLUTION", entities[2].GetProperty("youthJustice")[0].GetProperty("outcomeType").GetString());
    }

    [Fact]
    public async Task Entities_TwoHundredChildrenWithNestedLists_OneStatementPerKindOfData()
    {
        var counter = fixture.Definition.Statements;
        var queries = new[] { CaseRepository.ByChildQuery, VoiceRepository.WordsQuery, VoiceRepository.PreferencesQuery };
        var before = queries.ToDictionary(q => q, counter.CountOf);
        var reps = Enumerable.Range(0, YouthJusticeSeed.BulkChildren).Select(i => ChildRep(YouthJusticeSeed.BulkChildId(i)))
            .Append(ChildRep("CH-A0000001")).Append(ChildRep("CH-NOBODY")).ToArray();

        var result = await Host.QueryAsync("""
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child {
              id youthJustice { caseId caseWorker { name } voice { words } dataUsePreferences { code } } } } }
            """, new { reps });

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(YouthJusticeSeed.BulkChildren + 2, entities.GetArrayLength());
        Assert.Equal("NO_RESEARCH_USE", entities[17].GetProperty("youthJustice")[0].GetProperty("dataUsePreferences")[0].GetProperty("code").GetString());
        Assert.Equal(2, entities[YouthJusticeSeed.BulkChildren].GetProperty("youthJustice")[0].GetProperty("voice").GetArrayLength());
        foreach (var (query, count) in before)
        {
            Assert.True(counter.CountOf(query) - count == 1, $"{query} ran {counter.CountOf(query) - count} statements for one _entities call");
        }
    }

    [Fact]
    public async Task Entities_Cases_ResolvedInOrderWithNullForUnknownInOneStatement()
    {
        var before = fixture.Definition.Statements.CountOf(CaseRepository.ByIdsQuery);

        var result = await Host.QueryAsync(CaseEntitiesQuery, new { reps = new[] { CaseRep("YJC-000003"), CaseRep("YJC-404"), CaseRep("YJC-000001"), CaseRep("YJC-000009") } });

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(4, entities.GetArrayLength());
        Assert.Equal("CRIMINAL_DAMAGE_AND_ARSON", entities[0].GetProperty("offenceCategory").GetString());
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal("REFERRAL_ORDER", entities[2].GetProperty("outcomeType").GetString());
        Assert.Equal("YOUTH_CAUTION", entities[3].GetProperty("outcomeType").GetString());
        Assert.Equal(1, fixture.Definition.Statements.CountOf(CaseRepository.ByIdsQuery) - before);
    }

    [Fact]
    public async Task YouthJusticeCase_CourtOrder_OutcomeOffenceAssessmentWorkerAndIdentityAsRecorded()
    {
        var result = await Host.QueryAsync("""
            { youthJusticeCase(caseId: "YJC-000002") { caseId personId forename surname dateOfBirth sex outcomeType outcomeTier offenceCategory
                offenceDate outcomeDate caseWorker { name team } assessedOn likelihoodOfReoffending riskOfSeriousHarm safetyAndWellbeing status closedOn } }
            """);

        var yjCase = result.GetProperty("data").GetProperty("youthJusticeCase");
        Assert.Equal("YP-000001", yjCase.GetProperty("personId").GetString());
        Assert.Equal("Palmer", yjCase.GetProperty("surname").GetString());
        Assert.Equal("2009-01-05", yjCase.GetProperty("dateOfBirth").GetString());
        Assert.Equal("YOUTH_REHABILITATION_ORDER", yjCase.GetProperty("outcomeType").GetString());
        Assert.Equal("COMMUNITY", yjCase.GetProperty("outcomeTier").GetString());
        Assert.Equal("VIOLENCE_AGAINST_THE_PERSON", yjCase.GetProperty("offenceCategory").GetString());
        Assert.Equal("2026-02-14", yjCase.GetProperty("offenceDate").GetString());
        Assert.Equal("2026-05-02", yjCase.GetProperty("outcomeDate").GetString());
        Assert.Equal("Daniel Okafor", yjCase.GetProperty("caseWorker").GetProperty("name").GetString());
        Assert.Equal("Court and Community South", yjCase.GetProperty("caseWorker").GetProperty("team").GetString());
        Assert.Equal("2026-04-15", yjCase.GetProperty("assessedOn").GetString());
        Assert.Equal("HIGH", yjCase.GetProperty("likelihoodOfReoffending").GetString());
        Assert.Equal("HIGH", yjCase.GetProperty("riskOfSeriousHarm").GetString());
        Assert.Equal("VERY_HIGH", yjCase.GetProperty("safetyAndWellbeing").GetString());
        Assert.Equal("OPEN", yjCase.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, yjCase.GetProperty("closedOn").ValueKind);
    }

    [Fact]
    public async Task YouthJusticeCase_CommunityResolution_PreCourtWithoutAssessment()
    {
        var result = await Host.QueryAsync("""{ youthJusticeCase(caseId: "YJC-000003") { outcomeTier assessedOn likelihoodOfReoffending riskOfSeriousHarm safetyAndWellbeing } }""");

        var yjCase = result.GetProperty("data").GetProperty("youthJusticeCase");
        Assert.Equal("PRE_COURT", yjCase.GetProperty("outcomeTier").GetString());
        foreach (var field in new[] { "assessedOn", "likelihoodOfReoffending", "riskOfSeriousHarm", "safetyAndWellbeing" })
        {
            Assert.Equal(JsonValueKind.Null, yjCase.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task YouthJusticeCase_ClosedCaseVoiceAndPreferences_ChildsWordsNewestFirstAndWishAboutSchool()
    {
        var result = await Host.QueryAsync("""
            { closed: youthJusticeCase(caseId: "YJC-000001") { status closedOn dataUsePreferences { code dataCategory withheldFromAgencies expressedBy statement } }
              open: youthJusticeCase(caseId: "YJC-000002") { voice { recordedOn words wishesAndFeelings method setting } dataUsePreferences { code } } }
            """);

        var closed = result.GetProperty("data").GetProperty("closed");
        Assert.Equal("CLOSED", closed.GetProperty("status").GetString());
        Assert.Equal("2025-12-01", closed.GetProperty("closedOn").GetString());
        var preference = closed.GetProperty("dataUsePreferences")[0];
        Assert.Equal("NOT_WITH_EDUCATION", preference.GetProperty("code").GetString());
        Assert.Equal(["education"], preference.GetProperty("withheldFromAgencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("CHILD", preference.GetProperty("expressedBy").GetString());
        var voice = result.GetProperty("data").GetProperty("open").GetProperty("voice");
        Assert.Equal(2, voice.GetArrayLength());
        Assert.Equal("2026-04-15", voice[0].GetProperty("recordedOn").GetString());
        Assert.Equal("AssetPlus self-assessment", voice[0].GetProperty("method").GetString());
        Assert.Contains("glad I said sorry", voice[0].GetProperty("words").GetString());
        Assert.Equal(JsonValueKind.Null, voice[1].GetProperty("wishesAndFeelings").ValueKind);
        Assert.Equal(0, result.GetProperty("data").GetProperty("open").GetProperty("dataUsePreferences").GetArrayLength());
    }

    [Fact]
    public async Task YouthJusticeCase_UnknownId_Null()
    {
        var result = await Host.QueryAsync("""{ youthJusticeCase(caseId: "YJC-999999") { caseId } }""");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("youthJusticeCase").ValueKind);
    }

    [Fact]
    public async Task Entities_ChildWithoutId_ClearErrorNotServerError()
    {
        var (status, body) = await PostAsync(ChildEntitiesQuery, new { reps = new[] { new Dictionary<string, object?> { ["__typename"] = "Child", ["childId"] = "CH-A0000001" } } });

        AssertClearError(status, body, "must carry its key field 'id'");
    }

    private async Task<(int Status, JsonElement Body)> PostAsync(string query, object variables) =>
        await Host.PostRawAsync(JsonSerializer.Serialize(new { query, variables }));

    private static void AssertClearError(int status, JsonElement body, string expected)
    {
        Assert.NotEqual(500, status);
        Assert.True(body.TryGetProperty("errors", out var errors), $"expected errors in {body}");
        var message = errors[0].GetProperty("message").GetString()!;
        Assert.Contains(expected, message);
        Assert.DoesNotContain(" at ChildInfo.", body.ToString());
        Assert.DoesNotContain("Exception", message);
    }
}

public sealed class YouthJusticeSubgraphTests_Sqlite(SqliteYouthJusticeHost host) : YouthJusticeSubgraphTests<SqliteYouthJusticeHost>(host);

public sealed class YouthJusticeSubgraphTests_Postgres(PostgresYouthJusticeHost host) : YouthJusticeSubgraphTests<PostgresYouthJusticeHost>(host);
