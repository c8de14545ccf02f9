using System.Text.Json;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The social-care subgraph over HTTP, as the gateway speaks to it; run once per database provider.</summary>
public abstract class SocialCareSubgraphTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SocialCareHostFixture
{
    private SubgraphTestHost Host => fixture.Host;

    private const string EntitiesQuery = """
        query($reps: [_Any!]!) { _entities(representations: $reps) { ... on SocialCareChild { personId forename surname } } }
        """;

    private static object Rep(object? personId) => new Dictionary<string, object?> { ["__typename"] = "SocialCareChild", ["personId"] = personId };

    [Fact]
    public async Task Service_Sdl_DeclaresSocialCareChildKeyedByPersonId()
    {
        var result = await Host.QueryAsync("{ _service { sdl } }");

        var sdl = result.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
        Assert.Contains("type SocialCareChild @key(fields: \"personId\")", sdl);
        Assert.Contains("type ChildVoice @shareable", sdl);
        Assert.Contains("type DataUsePreference @shareable", sdl);
        Assert.Contains("caseload(workerId: ID!): [SocialCareChild!]!", sdl);
    }

    [Fact]
    public async Task Entities_SeveralRepresentations_ResolvedInOrderWithNullForUnknown()
    {
        var result = await Host.QueryAsync(EntitiesQuery, new { reps = new[] { Rep("LA000002"), Rep("LA999999"), Rep("LA000001") } });

        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal("Jordan", entities[0].GetProperty("forename").GetString());
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal("Amira", entities[2].GetProperty("forename").GetString());
        Assert.False(result.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Entities_TwoHundredRepresentationsWithNestedLists_OneStatementPerList()
    {
        var counter = fixture.Definition.Statements;
        var before = new[] { "person.byIds", "referral.episodes", "voice.words", "protection.cpPlans", "allocation.byPerson" }
            .ToDictionary(q => q, counter.CountOf);
        var reps = Enumerable.Range(0, SocialCareSeed.BulkPeople).Select(i => Rep(SocialCareSeed.BulkId(i))).ToArray();

        var result = await Host.QueryAsync("""
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on SocialCareChild {
              personId referrals { referralId } voice { words } childProtectionPlans { cpPlanId } allocations { workerId } } } }
            """, new { reps });

        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(SocialCareSeed.BulkPeople, entities.GetArrayLength());
        Assert.Equal(SocialCareSeed.BulkId(137), entities[137].GetProperty("personId").GetString());
        foreach (var (query, count) in before)
        {
            Assert.True(counter.CountOf(query) - count == 1, $"{query} ran {counter.CountOf(query) - count} statements for one _entities call");
        }
    }

    [Fact]
    public async Task Entities_EmptyKey_ClearErrorAndOtherRepresentationsStillResolve()
    {
        var (status, body) = await PostAsync(EntitiesQuery, new { reps = new[] { Rep("LA000001"), Rep("") } });

        AssertClearError(status, body, "must be a non-empty string");
        Assert.Equal("INVALID_REPRESENTATION", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Amira", body.GetProperty("data").GetProperty("_entities")[0].GetProperty("forename").GetString());
    }

    [Fact]
    public async Task SocialCareChild_KnownId_IdentityAsRecordedWithCurrentPostcodeAndUpn()
    {
        var result = await Host.QueryAsync("""
            { socialCareChild(personId: "LA000001") { personId legacyId forename surname sex gender ethnicity dateOfBirth
                nhsNumber upn upnUnknown postcode hasEhcPlan childProtectionPlanActive lookedAfterActive } }
            """);

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        Assert.Equal("Khan", child.GetProperty("surname").GetString());
        Assert.Equal("OLD-77", child.GetProperty("legacyId").GetString());
        Assert.Equal("F", child.GetProperty("sex").GetString());
        Assert.Equal("APKN", child.GetProperty("ethnicity").GetString());
        Assert.Equal("2014-03-02", child.GetProperty("dateOfBirth").GetString());
        Assert.Equal("9990000018", child.GetProperty("nhsNumber").GetString());
        Assert.Equal("A999100021001", child.GetProperty("upn").GetString());
        Assert.Equal("NS27CD", child.GetProperty("postcode").GetString());
        Assert.False(child.GetProperty("hasEhcPlan").GetBoolean());
        Assert.True(child.GetProperty("childProtectionPlanActive").GetBoolean());
        Assert.False(child.GetProperty("lookedAfterActive").GetBoolean());
    }

    [Fact]
    public async Task SocialCareChild_LookedAfterWithEndedUpn_FlagsAndNoCurrentUpn()
    {
        var result = await Host.QueryAsync("""{ socialCareChild(personId: "LA000002") { upn disabilities childProtectionPlanActive lookedAfterActive } }""");

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        Assert.Equal(JsonValueKind.Null, child.GetProperty("upn").ValueKind);
        Assert.Equal(["AUT", "LD"], child.GetProperty("disabilities").EnumerateArray().Select(d => d.GetString()));
        Assert.False(child.GetProperty("childProtectionPlanActive").GetBoolean());
        Assert.True(child.GetProperty("lookedAfterActive").GetBoolean());
    }

    [Fact]
    public async Task RecordDataUseWish_WithoutASignedContext_RecordsNothing()
    {
        // A subgraph run without a context key reads unrestricted (development only), but a write is always someone's.
        var result = await Host.QueryAsync("""
            mutation { recordDataUseWish(personId: "LA000001", wish: { code: "NO_RESEARCH_USE", dataCategory: "ALL", expressedBy: "PARENT", statement: "No research." }) { code } }
            """);

        Assert.Equal("RECORDING_NEEDS_CONTEXT", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("recordDataUseWish").ValueKind);
        var read = await Host.QueryAsync("""{ socialCareChild(personId: "LA000001") { dataUsePreferences { statement } } }""");
        Assert.DoesNotContain("No research.", read.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordChildVoice_OverGet_IsRefused()
    {
        var query = Uri.EscapeDataString("""mutation { recordChildVoice(personId: "LA000001", voice: { words: "Hi", setting: "School" }) { words } }""");

        using var response = await Host.Client.GetAsync($"graphql?query={query}");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("MUTATION_OVER_GET", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocialCareChild_UnknownId_Null()
    {
        var result = await Host.QueryAsync("""{ socialCareChild(personId: "LA404404") { personId } }""");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("socialCareChild").ValueKind);
    }

    [Fact]
    public async Task Referrals_AssessmentsAndPlans_CinCensusCodes()
    {
        var result = await Host.QueryAsync("""
            { socialCareChild(personId: "LA000001") {
                referrals { referralId cinReferralDate referralSource primaryNeedCode cinClosureDate reasonForClosure referralNfa }
                assessments { assessmentActualStartDate assessmentAuthorisationDate childSeen factorsIdentifiedAtAssessment }
                cinPlans { cinPlanStartDate cinPlanEndDate } } }
            """);

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        var referrals = child.GetProperty("referrals");
        Assert.Equal(["R1", "R0"], referrals.EnumerateArray().Select(r => r.GetProperty("referralId").GetString()));
        Assert.Equal("2A", referrals[0].GetProperty("referralSource").GetString());
        Assert.Equal("N1", referrals[0].GetProperty("primaryNeedCode").GetString());
        Assert.Equal(JsonValueKind.Null, referrals[0].GetProperty("cinClosureDate").ValueKind);
        Assert.Equal("RC8", referrals[1].GetProperty("reasonForClosure").GetString());
        Assert.Equal("2022-09-30", referrals[1].GetProperty("cinClosureDate").GetString());
        Assert.False(referrals[1].GetProperty("referralNfa").GetBoolean());
        var assessment = child.GetProperty("assessments")[0];
        Assert.Equal(["3A", "4B", "16A"], assessment.GetProperty("factorsIdentifiedAtAssessment").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("2025-03-20", assessment.GetProperty("assessmentAuthorisationDate").GetString());
        Assert.True(assessment.GetProperty("childSeen").GetBoolean());
        Assert.Equal("2025-06-01", child.GetProperty("cinPlans")[0].GetProperty("cinPlanEndDate").GetString());
    }

    [Fact]
    public async Task Protection_EnquiryConferenceAndPlans_CategoriesAndPreviousPlansCounted()
    {
        var result = await Host.QueryAsync("""
            { socialCareChild(personId: "LA000001") {
                section47Enquiries { s47ActualStartDate initialCpcTarget dateOfInitialCpc icpcNotRequired icpcResultedInPlan outcomes }
                childProtectionPlans { cpPlanId cppStartDate cppEndDate initialCategoryOfAbuse latestCategoryOfAbuse numberOfPreviousCpp } } }
            """);

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        var enquiry = child.GetProperty("section47Enquiries")[0];
        Assert.Equal("2025-05-20", enquiry.GetProperty("s47ActualStartDate").GetString());
        Assert.Equal("2025-06-10", enquiry.GetProperty("initialCpcTarget").GetString());
        Assert.Equal("2025-06-09", enquiry.GetProperty("dateOfInitialCpc").GetString());
        Assert.False(enquiry.GetProperty("icpcNotRequired").GetBoolean());
        Assert.True(enquiry.GetProperty("icpcResultedInPlan").GetBoolean());
        Assert.Equal(["CP_CONFERENCE"], enquiry.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        var plans = child.GetProperty("childProtectionPlans");
        Assert.Equal("CP2", plans[0].GetProperty("cpPlanId").GetString());
        Assert.Equal("NEG", plans[0].GetProperty("initialCategoryOfAbuse").GetString());
        Assert.Equal("EMO", plans[0].GetProperty("latestCategoryOfAbuse").GetString());
        Assert.Equal(1, plans[0].GetProperty("numberOfPreviousCpp").GetInt32());
        Assert.Equal(0, plans[1].GetProperty("numberOfPreviousCpp").GetInt32());
        Assert.Equal("2022-09-01", plans[1].GetProperty("cppEndDate").GetString());
    }

    [Fact]
    public async Task LookedAfterEpisodes_LegalStatusInForceAtStartAndPlacement_Ssda903Codes()
    {
        var result = await Host.QueryAsync("""
            { socialCareChild(personId: "LA000002") { lookedAfterEpisodes { episodeId decom rne ls cin place placeProvider dec rec } } }
            """);

        var episodes = result.GetProperty("data").GetProperty("socialCareChild").GetProperty("lookedAfterEpisodes");
        Assert.Equal(2, episodes.GetArrayLength());
        Assert.Equal("E2", episodes[0].GetProperty("episodeId").GetString());
        Assert.Equal("B", episodes[0].GetProperty("rne").GetString());
        Assert.Equal("C2", episodes[0].GetProperty("ls").GetString());
        Assert.Equal("U1", episodes[0].GetProperty("place").GetString());
        Assert.Equal("PR1", episodes[0].GetProperty("placeProvider").GetString());
        Assert.Equal(JsonValueKind.Null, episodes[0].GetProperty("dec").ValueKind);
        Assert.Equal("V2", episodes[1].GetProperty("ls").GetString());
        Assert.Equal("U3", episodes[1].GetProperty("place").GetString());
        Assert.Equal("2024-04-01", episodes[1].GetProperty("dec").GetString());
        Assert.Equal("X1", episodes[1].GetProperty("rec").GetString());
        Assert.Equal("S", episodes[1].GetProperty("rne").GetString());
    }

    [Fact]
    public async Task Caseload_Worker_OnlyChildrenCurrentlyAllocated()
    {
        var result = await Host.QueryAsync("""{ caseload(workerId: "W001") { personId allocations { workerId workerName teamName role current } } }""");

        var caseload = result.GetProperty("data").GetProperty("caseload");
        Assert.Equal(["LA000001", "LA000002"], caseload.EnumerateArray().Select(c => c.GetProperty("personId").GetString()).Order());
        var jordan = caseload.EnumerateArray().Single(c => c.GetProperty("personId").GetString() == "LA000002");
        var current = jordan.GetProperty("allocations")[0];
        Assert.Equal("Sam Okafor", current.GetProperty("workerName").GetString());
        Assert.Equal("Safeguarding Team North", current.GetProperty("teamName").GetString());
        Assert.True(current.GetProperty("current").GetBoolean());
        Assert.False(jordan.GetProperty("allocations")[1].GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task Caseload_UnknownWorker_Empty()
    {
        var result = await Host.QueryAsync("""{ caseload(workerId: "W999") { personId } }""");

        Assert.Equal(0, result.GetProperty("data").GetProperty("caseload").GetArrayLength());
    }

    [Fact]
    public async Task Team_ById_WorkersAndCurrentCaseload()
    {
        var result = await Host.QueryAsync("""{ team(teamId: "T-SAFE") { name parentName workers { name jobTitle } caseload { personId } } }""");

        var team = result.GetProperty("data").GetProperty("team");
        Assert.Equal("Safeguarding Team North", team.GetProperty("name").GetString());
        Assert.Equal(["Lee Carter", "Sam Okafor"], team.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(2, team.GetProperty("caseload").GetArrayLength());
    }

    [Fact]
    public async Task Voice_ChildsOwnWordsQuestionnaireAndPreferences_NewestFirst()
    {
        var result = await Host.QueryAsync("""
            { socialCareChild(personId: "LA000001") {
                voice { recordedOn words wishesAndFeelings recordedBy setting method }
                voiceQuestionnaires { explainedWorries agreesWithWorker tabletHelpedExplain }
                dataUsePreferences { code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement recordedOn } } }
            """);

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        var voice = child.GetProperty("voice");
        Assert.Equal(2, voice.GetArrayLength());
        Assert.Equal("2025-07-01", voice[0].GetProperty("recordedOn").GetString());
        Assert.Equal("Drawing", voice[0].GetProperty("method").GetString());
        Assert.Equal("I want to stay at my school.", voice[1].GetProperty("wishesAndFeelings").GetString());
        var questionnaire = child.GetProperty("voiceQuestionnaires")[0];
        Assert.True(questionnaire.GetProperty("explainedWorries").GetBoolean());
        Assert.False(questionnaire.GetProperty("agreesWithWorker").GetBoolean());
        Assert.Equal(JsonValueKind.Null, questionnaire.GetProperty("tabletHelpedExplain").ValueKind);
        var preference = child.GetProperty("dataUsePreferences")[0];
        Assert.Equal("NO_RESEARCH_USE", preference.GetProperty("code").GetString());
        Assert.Equal(["research"], preference.GetProperty("withheldFromPurposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, preference.GetProperty("withheldFromAgencies").GetArrayLength());
        Assert.Equal("PARENT", preference.GetProperty("expressedBy").GetString());
    }

    [Fact]
    public async Task EarlyHelpEpisodes_ClosedEpisode_ReasonAndOutcome()
    {
        var result = await Host.QueryAsync("""{ socialCareChild(personId: "LA000003") { earlyHelpEpisodes { startDate endDate reason endReason organisation } referrals { referralNfa reasonForClosure referralSource } } }""");

        var child = result.GetProperty("data").GetProperty("socialCareChild");
        var episode = child.GetProperty("earlyHelpEpisodes")[0];
        Assert.Equal("2024-08-01", episode.GetProperty("endDate").GetString());
        Assert.Equal("Outcomes met", episode.GetProperty("endReason").GetString());
        Assert.True(child.GetProperty("referrals")[0].GetProperty("referralNfa").GetBoolean());
        Assert.Equal("RC9", child.GetProperty("referrals")[0].GetProperty("reasonForClosure").GetString());
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

public sealed class SocialCareSubgraphTests_Sqlite(SqliteSocialCareHost host) : SocialCareSubgraphTests<SqliteSocialCareHost>(host);

public sealed class SocialCareSubgraphTests_Postgres(PostgresSocialCareHost host) : SocialCareSubgraphTests<PostgresSocialCareHost>(host);
