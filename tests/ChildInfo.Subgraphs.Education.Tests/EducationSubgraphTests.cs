using System.Text.Json;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The education subgraph over HTTP, as the gateway sees it; run once per provider by the subclasses below.</summary>
public abstract class EducationSubgraphTests(EducationFixture fixture)
{
    private const string EntitiesQuery = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Pupil { upn forename surname } }
        }
        """;

    private Task<SubgraphTestHost> HostAsync() => fixture.HostAsync();

    private static object Rep(string upn) => new Dictionary<string, object?> { ["__typename"] = "Pupil", ["upn"] = upn };

    [Fact]
    public async Task Sdl_DeclaresPupilKeyedByUpnAndSharedValueTypes()
    {
        var host = await HostAsync();
        var sdl = (await host.QueryAsync("{ _service { sdl } }")).GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Matches(@"type Pupil @key\(fields: ""upn""\)", sdl);
        Assert.Matches(@"type ChildVoice @shareable", sdl);
        Assert.Matches(@"type DataUsePreference @shareable", sdl);
        Assert.Contains("schoolRoll(urn: Int!): [Pupil!]!", sdl);
    }

    [Fact]
    public async Task Entities_SeveralRepresentations_ResolvedInOrderWithNullForUnknown()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync(EntitiesQuery, new
        {
            representations = new[] { Rep(EducationSeed.Chloe), Rep("Z999999999999"), Rep(EducationSeed.Amara), Rep(EducationSeed.Ben) },
        });

        AssertNoErrors(body);
        var entities = body.GetProperty("data").GetProperty("_entities");
        Assert.Equal(4, entities.GetArrayLength());
        Assert.Equal("Chloe", entities[0].GetProperty("forename").GetString());
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal(EducationSeed.Amara, entities[2].GetProperty("upn").GetString());
        Assert.Equal("Walsh", entities[3].GetProperty("surname").GetString());
    }

    [Fact]
    public async Task Entities_ManyPupilsWithNestedLists_OneQueryPerKindOfData()
    {
        var host = await HostAsync();
        var representations = Enumerable.Range(0, EducationSeed.CrowdSize).Select(i => Rep(EducationSeed.CrowdUpn(i))).Append(Rep(EducationSeed.Amara)).ToArray();
        var before = fixture.Queries.Count;

        var body = await host.QueryAsync("""
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on Pupil {
                  upn primarySenType secondarySenType persistentlyAbsent
                  enrolments { school { name } }
                  attendance { sessionsPossible codes { code } }
                  exclusions { category } senNeeds { type } fsmPeriods { startDate }
                  voice { words } dataUsePreferences { code }
                }
              }
            }
            """, new { representations });

        AssertNoErrors(body);
        var entities = body.GetProperty("data").GetProperty("_entities");
        Assert.Equal(EducationSeed.CrowdSize + 1, entities.GetArrayLength());
        Assert.All(entities.EnumerateArray().Take(EducationSeed.CrowdSize), e => Assert.Equal("Riverside Academy", e.GetProperty("enrolments").EnumerateArray().Last().GetProperty("school").GetProperty("name").GetString()));
        Assert.Equal("Oakfield Primary School", entities[EducationSeed.CrowdSize].GetProperty("enrolments")[0].GetProperty("school").GetProperty("name").GetString());
        // pupil, SEN types, attendance years, enrolments, schools, attendance terms, attendance codes,
        // exclusions, FSM periods, voice, preferences: eleven queries, whatever the number of pupils.
        Assert.Equal(11, fixture.Queries.Count - before);
    }

    [Fact]
    public async Task PupilLookup_ReturnsCensusFieldsAndRecords()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            query($upn: String!) {
              pupil(upn: $upn) {
                upn temporaryUpn surname forename middleNames sex dob ethnicity language fsmEligible everFsm6 ncYearActual
                serviceChild senProvision primarySenType secondarySenType senNeeds { ranking type meaning } postcode
                fsmPeriods { startDate endDate }
                enrolments { urn entryDate leavingDate enrolStatus current school { urn name phase } }
                attendance { academicYear term sessionsPossible sessionsAuthorisedAbsence sessionsUnauthorisedAbsence overallAbsenceRate persistentAbsence
                             codes { code category sessions } }
                attendanceYears { academicYear terms sessionsPossible overallAbsenceRate persistentAbsence }
                persistentlyAbsent
                exclusions { exclusionId category sessions startDate reasons { code meaning } }
                voice { recordedOn words wishesAndFeelings recordedBy setting method }
                dataUsePreferences { code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement recordedOn }
              }
            }
            """, new { upn = EducationSeed.Amara });

        AssertNoErrors(body);
        var pupil = body.GetProperty("data").GetProperty("pupil");
        Assert.False(pupil.GetProperty("temporaryUpn").GetBoolean());
        Assert.Equal("Grace", pupil.GetProperty("middleNames").GetString());
        Assert.Equal("2015-03-14", pupil.GetProperty("dob").GetString());
        Assert.True(pupil.GetProperty("fsmEligible").GetBoolean());
        Assert.False(pupil.GetProperty("serviceChild").GetBoolean());
        Assert.Equal("K", pupil.GetProperty("senProvision").GetString());
        Assert.Equal("SEMH", pupil.GetProperty("primarySenType").GetString());
        Assert.Equal("SLCN", pupil.GetProperty("secondarySenType").GetString());
        Assert.Equal(1, pupil.GetProperty("senNeeds")[0].GetProperty("ranking").GetInt32());
        Assert.Equal(JsonValueKind.Null, pupil.GetProperty("fsmPeriods")[0].GetProperty("endDate").ValueKind);

        var enrolment = pupil.GetProperty("enrolments")[0];
        Assert.True(enrolment.GetProperty("current").GetBoolean());
        Assert.Equal("Oakfield Primary School", enrolment.GetProperty("school").GetProperty("name").GetString());
        Assert.Equal("2019-09-04", enrolment.GetProperty("entryDate").GetString());

        var autumn = pupil.GetProperty("attendance")[0];
        Assert.Equal("AUT", autumn.GetProperty("term").GetString());
        Assert.Equal(10.0, autumn.GetProperty("overallAbsenceRate").GetDouble());
        Assert.True(autumn.GetProperty("persistentAbsence").GetBoolean());
        Assert.Equal(["I", "O", "M"], autumn.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal("UNAUTHORISED_ABSENCE", autumn.GetProperty("codes")[1].GetProperty("category").GetString());
        Assert.False(pupil.GetProperty("attendance")[1].GetProperty("persistentAbsence").GetBoolean());

        var year = pupil.GetProperty("attendanceYears")[0];
        Assert.Equal(2, year.GetProperty("terms").GetInt32());
        Assert.Equal(260, year.GetProperty("sessionsPossible").GetInt32());
        Assert.Equal(7.3, year.GetProperty("overallAbsenceRate").GetDouble());
        Assert.False(year.GetProperty("persistentAbsence").GetBoolean());
        Assert.False(pupil.GetProperty("persistentlyAbsent").GetBoolean());

        var exclusion = pupil.GetProperty("exclusions")[0];
        Assert.Equal("SUSPENSION", exclusion.GetProperty("category").GetString());
        Assert.Equal(["DB", "VA"], exclusion.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("Persistent or general disruptive behaviour", exclusion.GetProperty("reasons")[0].GetProperty("meaning").GetString());

        var voice = pupil.GetProperty("voice");
        Assert.Equal(2, voice.GetArrayLength());
        Assert.Equal("2025-03-03", voice[0].GetProperty("recordedOn").GetString());
        Assert.StartsWith("I like it when", voice[0].GetProperty("words").GetString());
        Assert.Equal(JsonValueKind.Null, voice[1].GetProperty("wishesAndFeelings").ValueKind);

        var preference = pupil.GetProperty("dataUsePreferences")[0];
        Assert.Equal("NO_RESEARCH_USE", preference.GetProperty("code").GetString());
        Assert.Equal(["research", "service_planning"], preference.GetProperty("withheldFromPurposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, preference.GetProperty("withheldFromAgencies").GetArrayLength());
    }

    [Fact]
    public async Task PupilLookup_TemporaryUpnAndBoundaries()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            query($upn: String!) {
              pupil(upn: $upn) {
                temporaryUpn formerUpn preferredSurname formerSurname serviceChild everFsm6 fsmEligible primarySenType
                attendance { overallAbsenceRate persistentAbsence } persistentlyAbsent
                exclusions { category reasons { code } }
                enrolments { urn current leavingDate }
                voice { words } dataUsePreferences { code }
              }
            }
            """, new { upn = EducationSeed.Ben });

        AssertNoErrors(body);
        var pupil = body.GetProperty("data").GetProperty("pupil");
        Assert.True(pupil.GetProperty("temporaryUpn").GetBoolean());
        Assert.Equal("Kemp", pupil.GetProperty("formerSurname").GetString());
        Assert.True(pupil.GetProperty("serviceChild").GetBoolean());
        Assert.True(pupil.GetProperty("everFsm6").GetBoolean());
        Assert.False(pupil.GetProperty("fsmEligible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pupil.GetProperty("primarySenType").ValueKind);
        Assert.Equal(9.9, pupil.GetProperty("attendance")[0].GetProperty("overallAbsenceRate").GetDouble());
        Assert.False(pupil.GetProperty("persistentlyAbsent").GetBoolean());
        Assert.Equal("PERMANENT", pupil.GetProperty("exclusions")[0].GetProperty("category").GetString());
        Assert.Equal(3, pupil.GetProperty("exclusions")[0].GetProperty("reasons").GetArrayLength());
        Assert.Equal("2024-07-19", pupil.GetProperty("enrolments")[0].GetProperty("leavingDate").GetString());
        Assert.False(pupil.GetProperty("enrolments")[0].GetProperty("current").GetBoolean());
        Assert.Equal(0, pupil.GetProperty("voice").GetArrayLength());
        Assert.Equal(0, pupil.GetProperty("dataUsePreferences").GetArrayLength());
    }

    [Fact]
    public async Task PupilLookup_UnknownUpn_ReturnsNull()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("{ pupil(upn: \"A000000000000\") { upn } }");

        AssertNoErrors(body);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("pupil").ValueKind);
    }

    [Fact]
    public async Task SchoolAndRoll_ReturnCurrentPupilsOnly()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            { school(urn: 100001) { urn name phase laEstab } roll: schoolRoll(urn: 100001) { upn } none: school(urn: 1) { name } empty: schoolRoll(urn: 1) { upn } }
            """);

        AssertNoErrors(body);
        var data = body.GetProperty("data");
        Assert.Equal("Oakfield Primary School", data.GetProperty("school").GetProperty("name").GetString());
        Assert.Equal("PRIMARY", data.GetProperty("school").GetProperty("phase").GetString());
        Assert.Equal([EducationSeed.Chloe, EducationSeed.Amara], data.GetProperty("roll").EnumerateArray().Select(p => p.GetProperty("upn").GetString()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("none").ValueKind);
        Assert.Equal(0, data.GetProperty("empty").GetArrayLength());
    }

    [Fact]
    public async Task WrongArgumentType_ValidationError()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("{ school(urn: \"one\") { name } }");

        Assert.Contains("urn", Messages(body));
    }

    private static string Messages(JsonElement body) =>
        body.TryGetProperty("errors", out var errors)
            ? string.Join(" | ", errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()))
            : "";

    private static void AssertNoErrors(JsonElement body) =>
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
}

public sealed class EducationSubgraphTests_Sqlite(SqliteEducationFixture fixture) : EducationSubgraphTests(fixture), IClassFixture<SqliteEducationFixture>;

public sealed class EducationSubgraphTests_Postgres(PostgresEducationFixture fixture) : EducationSubgraphTests(fixture), IClassFixture<PostgresEducationFixture>;
