using System.Text.Json;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// Questions asked through the gateway, end to end over the sample agencies (each evaluating its own conditions in
/// its own database), answered with every disclosure rule off and checked against counts worked out from the
/// generated databases directly: the combination through the child index, the population and the dimensions are
/// the gateway's; the truth is the test's own SQL. One suite, run over SQLite (<see cref="SqliteCohortCountTests"/>)
/// and PostgreSQL (<see cref="PostgresCohortCountTests"/>) through a subclass that names the fixture.
/// </summary>
public abstract class CohortCountTests(AnalyticsGatewayFixture fixture)
{
    protected static readonly DateOnly Census = new(2026, 10, 1);
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2026, 9, 30);
    private const string InNeed = "SELECT cine_person_id FROM ssd_cin_episodes WHERE cine_referral_date <= @d AND (cine_close_date IS NULL OR cine_close_date > @d)";
    private const string PupilVoice = "SELECT UPN FROM PUPIL_VOICE WHERE RecordedOn >= @from AND RecordedOn <= @to";

    /// <summary>
    /// Three agencies in one question, by two index dimensions (age band and ethnic group): children in need, or whose
    /// voice was recorded at school, or who took part in a voluntary sector service in the six months before the census.
    /// </summary>
    protected static readonly object ThreeAgencies = new
    {
        asAt = "2026-10-01",
        condition = new
        {
            any = new object[]
            {
                new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } },
                new { fact = new { agency = "education", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
                new { fact = new { agency = "voluntary-sector", fact = "engaged", from = "2026-04-01", to = "2026-09-30" } },
            },
        },
        groupBy = new[] { new { index = "age_band" }, new { index = "ethnicity_group" } },
    };

    private GroundTruth Truth => fixture.Truth;

    [Fact]
    public async Task ThreeAgencies_ByAgeBandAndEthnicGroup_MatchTheData()
    {
        var children = Truth.Children(Census);
        var window = new[] { ("@from", (object)From), ("@to", To) };
        var expected = Truth.Children("social-care", "social-care", InNeed, ("@d", Census));
        expected.UnionWith(Truth.Children("education", "education", PupilVoice, window));
        expected.UnionWith(Truth.Children("voluntary-sector", "voluntary-sector",
            "SELECT ParticipantID FROM tblEngagement WHERE StartDate <= @to AND (EndDate IS NULL OR EndDate >= @from)", window));
        expected.IntersectWith(children.Keys);
        Assert.True(expected.Count >= 20, $"Only {expected.Count} children in the cohort: too few to tell the cells apart.");

        var exchange = await fixture.Exact.TableAsync(ThreeAgencies);

        var table = Table(exchange.Body);
        Assert.Equal(["education", "social-care", "voluntary-sector"], table.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
        foreach (var band in new[] { "under 1", "1-4", "5-9", "10-15", "16-17" })
        {
            foreach (var group in new[] { "White", "Mixed", "Asian", "Black", "Other", "Unknown" })
            {
                Assert.Equal(expected.Count(c => GroundTruth.AgeBand(children[c].Age) == band && children[c].Ethnicity == group), Count(table, band, group));
            }
        }

        Assert.Equal(expected.Count, Count(table, "Total", "Total"));
    }

    [Fact]
    public async Task ChildrenInNeed_ByAgeBand_MatchTheData()
    {
        var population = Truth.Population(Census);
        var inNeed = Truth.Children("social-care", "social-care", InNeed, ("@d", Census));
        inNeed.IntersectWith(population.Keys);
        Assert.NotEmpty(inNeed);

        var exchange = await fixture.Exact.TableAsync(new
        {
            asAt = "2026-10-01",
            condition = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } },
            groupBy = new[] { new { index = "age_band" } },
        });

        var table = Table(exchange.Body);
        foreach (var band in new[] { "under 1", "1-4", "5-9", "10-15", "16-17" })
        {
            Assert.Equal(inNeed.Count(c => GroundTruth.AgeBand(population[c]) == band), Count(table, band));
        }

        Assert.Equal(inNeed.Count, Count(table, "Total"));
        Assert.Equal(["social-care"], table.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task InNeedAndTheChildsVoiceInEitherAgency_LinksTwoAgencies_AndMatchesTheData()
    {
        var population = Truth.Population(Census);
        var window = new[] { ("@from", (object)From), ("@to", To) };
        var expected = Truth.Children("social-care", "social-care", InNeed, ("@d", Census));
        var voice = Truth.Children("social-care", "social-care", "SELECT cvoi_person_id FROM cms_child_voice WHERE cvoi_recorded_date >= @from AND cvoi_recorded_date <= @to", window);
        voice.UnionWith(Truth.Children("education", "education", PupilVoice, window));
        expected.IntersectWith(voice);
        expected.IntersectWith(population.Keys);

        var exchange = await fixture.Exact.TableAsync(new
        {
            asAt = "2026-10-01",
            condition = new
            {
                all = new object[]
                {
                    new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } },
                    new
                    {
                        any = new[]
                        {
                            new { fact = new { agency = "social-care", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
                            new { fact = new { agency = "education", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
                        },
                    },
                },
            },
        });

        var table = Table(exchange.Body);
        Assert.Equal(expected.Count, Count(table, "Total"));
        Assert.Equal(["education", "social-care"], table.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task NotInNeed_IsThePopulationWithoutThem()
    {
        var population = Truth.Population(Census);
        var inNeed = Truth.Children("social-care", "social-care", InNeed, ("@d", Census));

        var exchange = await fixture.Exact.TableAsync(new
        {
            asAt = "2026-10-01",
            condition = new { not = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } } },
        });

        Assert.Equal(population.Keys.Count(c => !inNeed.Contains(c)), Count(Table(exchange.Body), "Total"));
    }

    [Fact]
    public async Task Research_LeavesOutChildrenWhoseFamiliesSaidNo_WhileServicePlanningCountsThem()
    {
        var population = Truth.Population(Census);
        var window = new[] { ("@from", (object)From), ("@to", To) };
        var voice = Truth.Children("education", "education", PupilVoice, window);
        // The wishes a researcher's rule honours on the education record, covering the child's voice (the fact read).
        var saidNo = Truth.Children("education", "education",
            "SELECT UPN FROM PUPIL_DATA_PREFERENCE WHERE (',' || WithheldFromPurposes || ',') LIKE '%,research,%' AND DataCategory IN ('ALL', 'VOICE')");
        Assert.Contains(population.Keys, c => saidNo.Contains(c) && voice.Contains(c));
        var question = new
        {
            asAt = "2026-10-01",
            condition = new { fact = new { agency = "education", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
        };

        var research = await fixture.Exact.TableAsync(question, role: "researcher", purpose: "research", marker: "approved project 17");
        var planning = await fixture.Exact.TableAsync(question);

        Assert.Equal(population.Keys.Count(c => voice.Contains(c) && !saidNo.Contains(c)), Count(Table(research.Body), "Total"));
        Assert.Equal(population.Keys.Count(voice.Contains), Count(Table(planning.Body), "Total"));
    }

    protected static JsonElement Table(JsonElement body)
    {
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data").GetProperty("cohortTable");
    }

    /// <summary>The published count of the row whose first category is <paramref name="category"/> (the grand total for Total).</summary>
    private static int Count(JsonElement table, string category) =>
        (int)table.GetProperty("rows").EnumerateArray()
            .Last(r => r.GetProperty("categories")[0].GetString() == category)
            .GetProperty("children").GetProperty("value").GetDouble();

    /// <summary>The published count of the cell of a two-dimensional table (a cell missing from the table counts 0).</summary>
    private static int Count(JsonElement table, string first, string second) =>
        table.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("categories")[0].GetString() == first && r.GetProperty("categories")[1].GetString() == second)
            .Select(r => (int)r.GetProperty("children").GetProperty("value").GetDouble())
            .SingleOrDefault();
}

/// <summary>The suite over the generated SQLite files.</summary>
public sealed class SqliteCohortCountTests(AnalyticsGatewayFixture fixture) : CohortCountTests(fixture), IClassFixture<AnalyticsGatewayFixture>;
