using System.Text.Json;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The voluntary-sector subgraph over HTTP, as the gateway speaks to it; run once per database provider.</summary>
public abstract class VoluntarySectorSubgraphTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : VoluntarySectorHostFixture
{
    private SubgraphTestHost Host => fixture.Host;

    private const string EntitiesQuery = """
        query($reps: [_Any!]!) { _entities(representations: $reps) { ... on VcsParticipant { participantId forename surname } } }
        """;

    private static object Rep(object? participantId) => new Dictionary<string, object?> { ["__typename"] = "VcsParticipant", ["participantId"] = participantId };

    [Fact]
    public async Task Service_Sdl_DeclaresVcsParticipantKeyedByParticipantId()
    {
        var result = await Host.QueryAsync("{ _service { sdl } }");

        var sdl = result.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
        Assert.Contains("type VcsParticipant @key(fields: \"participantId\")", sdl);
        Assert.Contains("type ChildVoice @shareable", sdl);
        Assert.Contains("type DataUsePreference @shareable", sdl);
        Assert.Contains("organisation(organisationId: ID!): Organisation", sdl);
    }

    [Fact]
    public async Task Entities_SeveralRepresentations_ResolvedInOrderWithNullForUnknown()
    {
        var result = await Host.QueryAsync(EntitiesQuery, new { reps = new[] { Rep("VCS-000002"), Rep("VCS-404"), Rep("VCS-000001") } });

        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal("Ali", entities[0].GetProperty("surname").GetString());
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal("Walker", entities[2].GetProperty("surname").GetString());
        Assert.False(result.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Entities_TwoHundredRepresentationsWithNestedLists_OneStatementPerList()
    {
        var counter = fixture.Definition.Statements;
        var queries = new[] { "participant.byIds", "engagement.byParticipant", "organisation.byIds", "outcome.sdq", "voice.words", "voice.preferences" };
        var before = queries.ToDictionary(q => q, counter.CountOf);
        var reps = Enumerable.Range(0, VoluntarySectorSeed.BulkParticipants).Select(i => Rep(VoluntarySectorSeed.BulkId(i)))
            .Append(Rep("VCS-000001")).Append(Rep("VCS-000002")).ToArray();

        var result = await Host.QueryAsync("""
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on VcsParticipant {
              participantId engagements { service organisation { name } } sdqScores { totalDifficulties } voice { words } dataUsePreferences { code } } } }
            """, new { reps });

        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(VoluntarySectorSeed.BulkParticipants + 2, entities.GetArrayLength());
        Assert.Equal("Carers Together Northshire", entities[VoluntarySectorSeed.BulkParticipants].GetProperty("engagements")[0].GetProperty("organisation").GetProperty("name").GetString());
        foreach (var (query, count) in before)
        {
            Assert.True(counter.CountOf(query) - count == 1, $"{query} ran {counter.CountOf(query) - count} statements for one _entities call");
        }
    }

    [Fact]
    public async Task VcsParticipant_KnownId_IdentityAsRecorded()
    {
        var result = await Host.QueryAsync("""
            { vcsParticipant(participantId: "VCS-000001") { participantId forename middleName surname knownAs dateOfBirth sex postcode nhsNumber registeredBy { name } } }
            """);

        var participant = result.GetProperty("data").GetProperty("vcsParticipant");
        Assert.Equal("Clo", participant.GetProperty("knownAs").GetString());
        Assert.Equal("2011-08-14", participant.GetProperty("dateOfBirth").GetString());
        Assert.Equal("F", participant.GetProperty("sex").GetString());
        Assert.Equal("NS14AB", participant.GetProperty("postcode").GetString());
        Assert.Equal(JsonValueKind.Null, participant.GetProperty("nhsNumber").ValueKind);
        Assert.Equal("Northshire Youth Trust", participant.GetProperty("registeredBy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task VcsParticipant_UnknownId_Null()
    {
        var result = await Host.QueryAsync("""{ vcsParticipant(participantId: "VCS-999999") { participantId } }""");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("vcsParticipant").ValueKind);
    }

    [Fact]
    public async Task Organisation_ById_NameCharityNumberAndServices()
    {
        var result = await Host.QueryAsync("""{ organisation(organisationId: "ORG02") { name charityNumber services } unknown: organisation(organisationId: "ORG99") { name } }""");

        var organisation = result.GetProperty("data").GetProperty("organisation");
        Assert.Equal("Carers Together Northshire", organisation.GetProperty("name").GetString());
        Assert.Equal("1098765", organisation.GetProperty("charityNumber").GetString());
        Assert.Equal(["FAMILY_SUPPORT", "YOUNG_CARERS"], organisation.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("unknown").ValueKind);
    }

    [Fact]
    public async Task Engagements_NewestFirst_ServiceOrganisationSessionsKeyworkerAndRoute()
    {
        var result = await Host.QueryAsync("""
            { vcsParticipant(participantId: "VCS-000002") { engagements { service organisation { organisationId } startDate endDate sessionsOffered sessionsAttended keyworkerName referralRoute endReason } } }
            """);

        var engagement = result.GetProperty("data").GetProperty("vcsParticipant").GetProperty("engagements")[0];
        Assert.Equal("MENTORING", engagement.GetProperty("service").GetString());
        Assert.Equal("ORG01", engagement.GetProperty("organisation").GetProperty("organisationId").GetString());
        Assert.Equal("2025-07-15", engagement.GetProperty("endDate").GetString());
        Assert.Equal(9, engagement.GetProperty("sessionsAttended").GetInt32());
        Assert.Equal("SOCIAL_CARE", engagement.GetProperty("referralRoute").GetString());
        Assert.Equal("Dan Hughes", engagement.GetProperty("keyworkerName").GetString());
    }

    [Fact]
    public async Task KeyworkerNotes_NewestFirst_WithAuthorAndEngagement()
    {
        var result = await Host.QueryAsync("""{ vcsParticipant(participantId: "VCS-000001") { keyworkerNotes { engagementId noteDate sessionType author text } } }""");

        var notes = result.GetProperty("data").GetProperty("vcsParticipant").GetProperty("keyworkerNotes");
        Assert.Equal(2, notes.GetArrayLength());
        Assert.Equal("2025-05-06", notes[0].GetProperty("noteDate").GetString());
        Assert.Equal("EN1", notes[0].GetProperty("engagementId").GetString());
        Assert.Contains("drama group", notes[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task SdqScores_TotalFromFourDifficultySubscalesAndBandByRespondent()
    {
        var result = await Host.QueryAsync("""{ vcsParticipant(participantId: "VCS-000001") { sdqScores { completedDate respondent emotional prosocial totalDifficulties band } } }""");

        var scores = result.GetProperty("data").GetProperty("vcsParticipant").GetProperty("sdqScores");
        Assert.Equal(3, scores.GetArrayLength());
        var teacher = scores[0];
        Assert.Equal("TEACHER", teacher.GetProperty("respondent").GetString());
        Assert.Equal(16, teacher.GetProperty("totalDifficulties").GetInt32());
        Assert.Equal("HIGH", teacher.GetProperty("band").GetString());
        var selfLater = scores[1];
        Assert.Equal(11, selfLater.GetProperty("totalDifficulties").GetInt32());
        Assert.Equal("CLOSE_TO_AVERAGE", selfLater.GetProperty("band").GetString());
        var selfFirst = scores[2];
        Assert.Equal(18, selfFirst.GetProperty("totalDifficulties").GetInt32());
        Assert.Equal("HIGH", selfFirst.GetProperty("band").GetString());
        Assert.Equal(8, selfFirst.GetProperty("prosocial").GetInt32());
    }

    [Fact]
    public async Task WemwbsAndStar_ScoresAndJourneyOfChangeOldestFirst()
    {
        var result = await Host.QueryAsync("""
            { vcsParticipant(participantId: "VCS-000001") { wemwbsScores { completedDate totalScore } starReadings { starName scaleName score readingDate readingType } } }
            """);

        var participant = result.GetProperty("data").GetProperty("vcsParticipant");
        Assert.Equal([47, 38], participant.GetProperty("wemwbsScores").EnumerateArray().Select(s => s.GetProperty("totalScore").GetInt32()));
        var readings = participant.GetProperty("starReadings");
        Assert.Equal(3, readings.GetArrayLength());
        Assert.Equal("BASELINE", readings[0].GetProperty("readingType").GetString());
        Assert.Equal("REVIEW", readings[2].GetProperty("readingType").GetString());
        Assert.Equal(6, readings[2].GetProperty("score").GetInt32());
        Assert.Equal("MY_STAR", readings[2].GetProperty("starName").GetString());
    }

    [Fact]
    public async Task VoiceAndPreferences_YoungPersonsWordsAndNotWithEducationForNotes()
    {
        var result = await Host.QueryAsync("""
            { vcsParticipant(participantId: "VCS-000001") {
                voice { recordedOn words wishesAndFeelings recordedBy setting method }
                dataUsePreferences { code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement } } }
            """);

        var participant = result.GetProperty("data").GetProperty("vcsParticipant");
        var voice = participant.GetProperty("voice");
        Assert.Equal("2025-04-02", voice[0].GetProperty("recordedOn").GetString());
        Assert.Equal("Young carers group", voice[0].GetProperty("setting").GetString());
        Assert.Contains("not everything I say here", voice[1].GetProperty("wishesAndFeelings").GetString());
        var preferences = participant.GetProperty("dataUsePreferences");
        Assert.Equal("NOT_WITH_EDUCATION", preferences[0].GetProperty("code").GetString());
        Assert.Equal("NOTES", preferences[0].GetProperty("dataCategory").GetString());
        Assert.Equal(["education"], preferences[0].GetProperty("withheldFromAgencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("CHILD", preferences[0].GetProperty("expressedBy").GetString());
        Assert.Equal(["research"], preferences[1].GetProperty("withheldFromPurposes").EnumerateArray().Select(a => a.GetString()));
    }
}

public sealed class VoluntarySectorSubgraphTests_Sqlite(SqliteVoluntarySectorHost host) : VoluntarySectorSubgraphTests<SqliteVoluntarySectorHost>(host);

public sealed class VoluntarySectorSubgraphTests_Postgres(PostgresVoluntarySectorHost host) : VoluntarySectorSubgraphTests<PostgresVoluntarySectorHost>(host);
