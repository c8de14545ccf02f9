using System.Text.Json;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The early-years subgraph over HTTP, as the gateway sees it; run once per provider by the subclasses below.</summary>
public abstract class EarlyYearsSubgraphTests(EarlyYearsFixture fixture)
{
    private const string EntitiesQuery = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on EarlyYearsChild { eyChildId forename nhsNumber } }
        }
        """;

    private Task<SubgraphTestHost> HostAsync() => fixture.HostAsync();

    private static object Rep(string id) => new Dictionary<string, object?> { ["__typename"] = "EarlyYearsChild", ["eyChildId"] = id };

    [Fact]
    public async Task Sdl_DeclaresEarlyYearsChildKeyedByEyChildId()
    {
        var host = await HostAsync();
        var sdl = (await host.QueryAsync("{ _service { sdl } }")).GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Matches(@"type EarlyYearsChild @key\(fields: ""eyChildId""\)", sdl);
        Assert.Contains("eyChildId: ID!", sdl);
        Assert.Matches(@"type ChildVoice @shareable", sdl);
        Assert.Matches(@"type DataUsePreference @shareable", sdl);
        Assert.Contains("settingChildren(urn: Int!): [EarlyYearsChild!]!", sdl);
    }

    [Fact]
    public async Task Entities_SeveralRepresentations_ResolvedInOrderWithNullForUnknown()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync(EntitiesQuery, new { representations = new[] { Rep(EarlyYearsSeed.Theo), Rep("EY-NOPE"), Rep(EarlyYearsSeed.Maya) } });

        AssertNoErrors(body);
        var entities = body.GetProperty("data").GetProperty("_entities");
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal("Theo", entities[0].GetProperty("forename").GetString());
        Assert.Equal(JsonValueKind.Null, entities[0].GetProperty("nhsNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, entities[1].ValueKind);
        Assert.Equal("9990000018", entities[2].GetProperty("nhsNumber").GetString());
    }

    [Fact]
    public async Task Entities_ManyChildrenWithNestedLists_OneQueryPerKindOfData()
    {
        var host = await HostAsync();
        var representations = Enumerable.Range(0, EarlyYearsSeed.CrowdSize).Select(i => Rep(EarlyYearsSeed.CrowdId(i))).Append(Rep(EarlyYearsSeed.Maya)).ToArray();
        var before = fixture.Queries.Count;

        var body = await host.QueryAsync("""
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on EarlyYearsChild {
                  eyChildId settings { setting { name } } fundedEntitlements { fundedHours setting { urn } }
                  eyfsProfile { goodLevelOfDevelopment } healthVisitingReviews { reviewType asq3 { allDomainsAtOrAboveExpected } }
                  voice { words } dataUsePreferences { code }
                }
              }
            }
            """, new { representations });

        AssertNoErrors(body);
        var entities = body.GetProperty("data").GetProperty("_entities");
        Assert.Equal(EarlyYearsSeed.CrowdSize + 1, entities.GetArrayLength());
        Assert.All(entities.EnumerateArray().Take(EarlyYearsSeed.CrowdSize),
            e => Assert.Equal("Sunflowers Day Nursery", e.GetProperty("settings")[0].GetProperty("setting").GetProperty("name").GetString()));
        // child, spells, settings, funding, profiles, reviews, voice, preferences: eight, whatever the number of children.
        Assert.Equal(8, fixture.Queries.Count - before);
    }

    [Fact]
    public async Task ChildLookup_FinishedReception_ProfileWithGoodLevelOfDevelopment()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            query($id: ID!) {
              earlyYearsChild(eyChildId: $id) {
                eyChildId nhsNumber surname middleNames sex dob ethnicity language
                eyfsProfile { assessmentYear urn goodLevelOfDevelopment goals { code area description outcome countsTowardsGld } }
                fundedEntitlements { academicYear term fundedHours extendedHours expandedHours eligibilityCode twoYearOldBasis earlyYearsPupilPremium disabilityAccessFund }
                healthVisitingReviews { reviewType reviewDate venue asq3 { questionnaireMonths allDomainsAtOrAboveExpected domains { domain score outcome } } }
              }
            }
            """, new { id = EarlyYearsSeed.Maya });

        AssertNoErrors(body);
        var child = body.GetProperty("data").GetProperty("earlyYearsChild");
        Assert.Equal("2019-02-03", child.GetProperty("dob").GetString());
        Assert.Equal("APKN", child.GetProperty("ethnicity").GetString());

        var profile = child.GetProperty("eyfsProfile");
        Assert.True(profile.GetProperty("goodLevelOfDevelopment").GetBoolean());
        var goals = profile.GetProperty("goals");
        Assert.Equal(17, goals.GetArrayLength());
        Assert.Equal("FSP_COM_E01", goals[0].GetProperty("code").GetString());
        Assert.Equal("FSP_EXP_E17", goals[16].GetProperty("code").GetString());
        Assert.Equal("emerging", goals[12].GetProperty("outcome").GetString());
        Assert.False(goals[12].GetProperty("countsTowardsGld").GetBoolean());
        Assert.Equal(12, goals.EnumerateArray().Count(g => g.GetProperty("countsTowardsGld").GetBoolean()));

        var funding = child.GetProperty("fundedEntitlements")[0];
        Assert.Equal(15, funding.GetProperty("fundedHours").GetDouble());
        Assert.Equal(15, funding.GetProperty("extendedHours").GetDouble());
        Assert.Equal("50012345678", funding.GetProperty("eligibilityCode").GetString());
        Assert.Equal(0, funding.GetProperty("twoYearOldBasis").GetArrayLength());

        var reviews = child.GetProperty("healthVisitingReviews");
        Assert.Equal(["NEW_BIRTH", "TWO_YEARS"], reviews.EnumerateArray().Select(r => r.GetProperty("reviewType").GetString()));
        Assert.Equal(JsonValueKind.Null, reviews[0].GetProperty("asq3").ValueKind);
        var asq3 = reviews[1].GetProperty("asq3");
        Assert.Equal(24, asq3.GetProperty("questionnaireMonths").GetInt32());
        Assert.True(asq3.GetProperty("allDomainsAtOrAboveExpected").GetBoolean());
        Assert.Equal(["COMMUNICATION", "GROSS_MOTOR", "FINE_MOTOR", "PROBLEM_SOLVING", "PERSONAL_SOCIAL"],
            asq3.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("domain").GetString()));
    }

    [Fact]
    public async Task ChildLookup_OneGldGoalEmerging_NoGoodLevelOfDevelopment()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("query($id: ID!) { earlyYearsChild(eyChildId: $id) { eyfsProfile { goodLevelOfDevelopment goals { outcome } } } }", new { id = EarlyYearsSeed.Isla });

        AssertNoErrors(body);
        var profile = body.GetProperty("data").GetProperty("earlyYearsChild").GetProperty("eyfsProfile");
        Assert.False(profile.GetProperty("goodLevelOfDevelopment").GetBoolean());
        Assert.Equal(16, profile.GetProperty("goals").EnumerateArray().Count(g => g.GetProperty("outcome").GetString() == "expected"));
    }

    [Fact]
    public async Task ChildLookup_TwoYearOld_FundingBasisAsq3BelowCutOffVoiceAndPreferences()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            query($id: ID!) {
              earlyYearsChild(eyChildId: $id) {
                nhsNumber eyfsProfile { goodLevelOfDevelopment }
                settings { urn current leavingDate setting { name settingType } }
                fundedEntitlements { fundedHours twoYearOldBasis earlyYearsPupilPremium disabilityAccessFund setting { name } }
                healthVisitingReviews { venue asq3 { questionnaireMonths allDomainsAtOrAboveExpected domains { domain score outcome } } }
                voice { recordedOn words wishesAndFeelings recordedBy setting method }
                dataUsePreferences { code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement }
              }
            }
            """, new { id = EarlyYearsSeed.Theo });

        AssertNoErrors(body);
        var child = body.GetProperty("data").GetProperty("earlyYearsChild");
        Assert.Equal(JsonValueKind.Null, child.GetProperty("nhsNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, child.GetProperty("eyfsProfile").ValueKind);

        var settings = child.GetProperty("settings");
        Assert.False(settings[0].GetProperty("current").GetBoolean());
        Assert.True(settings[1].GetProperty("current").GetBoolean());
        Assert.Equal("PRE_SCHOOL", settings[1].GetProperty("setting").GetProperty("settingType").GetString());

        var funding = child.GetProperty("fundedEntitlements")[0];
        Assert.Equal(["ECO", "LAA"], funding.GetProperty("twoYearOldBasis").EnumerateArray().Select(b => b.GetString()));
        Assert.True(funding.GetProperty("earlyYearsPupilPremium").GetBoolean());
        Assert.True(funding.GetProperty("disabilityAccessFund").GetBoolean());

        var asq3 = child.GetProperty("healthVisitingReviews")[0].GetProperty("asq3");
        Assert.False(asq3.GetProperty("allDomainsAtOrAboveExpected").GetBoolean());
        var domains = asq3.GetProperty("domains");
        Assert.Equal("below cut-off", domains[0].GetProperty("outcome").GetString());
        Assert.Equal(15, domains[0].GetProperty("score").GetInt32());
        Assert.Equal("monitoring zone", domains[2].GetProperty("outcome").GetString());
        Assert.Equal("above cut-off", domains[4].GetProperty("outcome").GetString());

        var voice = child.GetProperty("voice");
        Assert.Equal(2, voice.GetArrayLength());
        Assert.Equal("Drawing described", voice[0].GetProperty("method").GetString());
        Assert.Contains("Nana", voice[0].GetProperty("words").GetString());

        var preference = child.GetProperty("dataUsePreferences")[0];
        Assert.Equal("NOT_WITH_EDUCATION", preference.GetProperty("code").GetString());
        Assert.Equal(["education"], preference.GetProperty("withheldFromAgencies").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task SettingAndChildren_CurrentChildrenOnly()
    {
        var host = await HostAsync();
        var body = await host.QueryAsync("""
            { setting(urn: 200002) { urn name settingType postcode } children: settingChildren(urn: 200002) { eyChildId }
              none: setting(urn: 1) { name } empty: settingChildren(urn: 1) { eyChildId } }
            """);

        AssertNoErrors(body);
        var data = body.GetProperty("data");
        Assert.Equal("Little Acorns Pre-School", data.GetProperty("setting").GetProperty("name").GetString());
        Assert.Equal([EarlyYearsSeed.Theo], data.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("eyChildId").GetString()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("none").ValueKind);
        Assert.Equal(0, data.GetProperty("empty").GetArrayLength());
    }

    private static void AssertNoErrors(JsonElement body) =>
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
}

public sealed class EarlyYearsSubgraphTests_Sqlite(SqliteEarlyYearsFixture fixture) : EarlyYearsSubgraphTests(fixture), IClassFixture<SqliteEarlyYearsFixture>;

public sealed class EarlyYearsSubgraphTests_Postgres(PostgresEarlyYearsFixture fixture) : EarlyYearsSubgraphTests(fixture), IClassFixture<PostgresEarlyYearsFixture>;
