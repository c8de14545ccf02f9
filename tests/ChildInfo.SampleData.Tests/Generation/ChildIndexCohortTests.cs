using System.Text.Json;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.SampleData.Tests.Generation;

/// <summary>A generated population written by the generator's child index writer, behind the child index with a context key.</summary>
public abstract class ChildIndexCohortFixture() : CohortFixture<ChildIndexSubgraph>(new ChildIndexSubgraph())
{
    private readonly PopulationGenerator _generator = new(seed: 21);

    public override DateOnly ReferenceDate => _generator.ReferenceDate;

    public override string RecordKeysSql => "SELECT child_id FROM ci_child";

    public List<SyntheticChild> Children { get; } = [];

    protected override async Task WriteAsync(AgencyDatabase database)
    {
        var writer = new ChildIndexWriter();
        var context = new GenerationContext(_generator.Seed, _generator.ReferenceDate, _generator.Reference);
        await using var bulk = await BulkWriter.OpenAsync(database);
        await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
        foreach (var chunk in _generator.GenerateChunks(4_000, 1_000))
        {
            await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
            Children.AddRange(chunk);
        }
    }
}

public sealed class SqliteChildIndexCohort : ChildIndexCohortFixture;

public sealed class PostgresChildIndexCohort : ChildIndexCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>
/// The child index's cohort fields and the geography and ethnicity the generator writes for them, against the
/// generated children (groups worked out here from the children, not with the subgraph's code).
/// </summary>
public abstract class ChildIndexCohortTests(ChildIndexCohortFixture fixture)
{
    private static readonly string[] AllLabels = ["linkage", "demographic", "identifying", "special_category", "contact"];

    /// <summary>The census codes the generator uses, by DfE major group, written out here independently of the subgraph.</summary>
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["WBRI"] = "White", ["WIRI"] = "White", ["WIRT"] = "White", ["WROM"] = "White", ["WOTH"] = "White",
        ["MWBC"] = "Mixed", ["MWBA"] = "Mixed", ["MWAS"] = "Mixed", ["MOTH"] = "Mixed",
        ["AIND"] = "Asian", ["APKN"] = "Asian", ["ABAN"] = "Asian", ["AOTH"] = "Asian", ["CHNE"] = "Asian",
        ["BCRB"] = "Black", ["BAFR"] = "Black", ["BOTH"] = "Black",
        ["OOTH"] = "Other", ["REFU"] = "Unknown", ["NOBT"] = "Unknown",
    };

    private const string PopulationQuery = "query($asAt: Date!, $d: [String!]!) { _cohortPopulation(asAt: $asAt, dimensions: $d) { childIds groups } }";

    [Fact]
    public async Task Write_EveryChildsEthnicityAndEveryPostcodesGeography()
    {
        var ethnicity = (await fixture.QueryAsync<(string, string)>("SELECT child_id, ethnicity FROM ci_child")).ToDictionary(r => r.Item1, r => r.Item2);
        var placed = (await fixture.QueryAsync<string>("SELECT postcode FROM ci_postcode_geography")).ToList();

        Assert.Equal(fixture.Children.ToDictionary(c => c.ChildId, c => c.Ethnicity).OrderBy(e => e.Key), ethnicity.OrderBy(e => e.Key));
        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.Equal(fixture.Children.Select(c => c.Truth.Postcode).Distinct().Order(), placed.Order());
    }

    [Fact]
    public async Task Write_AreaDeprivationGoesWithTheHouseholdsIncome()
    {
        var deciles = await DecilesAsync();

        var low = fixture.Children.Where(c => c.Circumstances.LowIncomeHousehold).Average(c => deciles[c.ChildId]);
        var other = fixture.Children.Where(c => !c.Circumstances.LowIncomeHousehold).Average(c => deciles[c.ChildId]);
        var fsm = fixture.Children.Where(c => c.Circumstances.FsmEligible).Average(c => deciles[c.ChildId]);

        Assert.True(other - low > 1.0, $"low income {low:0.00}, others {other:0.00}");
        Assert.True(other - fsm > 1.0, $"eligible for free school meals {fsm:0.00}, others {other:0.00}");
    }

    [Fact]
    public async Task Population_AsAtTheReferenceDate_EveryChildUnder18WithTheirGroups()
    {
        var day = fixture.ReferenceDate;
        var geography = (await fixture.QueryAsync<(string, string, string, int)>(
            "SELECT c.child_id, g.ward_name, g.lsoa_name, g.idaci_decile FROM ci_child c JOIN ci_postcode_geography g ON g.postcode = c.postcode"))
            .ToDictionary(r => r.Item1, r => r);
        var expected = fixture.Children.Where(c => c.Truth.DateOfBirth <= day && c.AgeOn(day) < 18).ToDictionary(c => c.ChildId, c => new[]
        {
            c.AgeOn(day) switch { 0 => "under 1", <= 4 => "1-4", <= 9 => "5-9", <= 15 => "10-15", _ => "16-17" },
            c.Truth.Sex.ToString(),
            Groups[c.Ethnicity],
            geography[c.ChildId].Item2,
            geography[c.ChildId].Item3,
            geography[c.ChildId].Item4.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var response = await fixture.PostAsync(fixture.Counting(AllLabels), PopulationQuery,
            new { asAt = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d = new[] { "age_band", "sex", "ethnicity_group", "ward", "lsoa", "idaci_decile" } });

        var actual = Population(response);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key]));
        Assert.True(expected.Values.Select(v => v[0]).Distinct().Count() == 5, "every age band occurs");
    }

    [Fact]
    public async Task Population_AsAtAnEarlierDay_OnlyChildrenBornByThenAndUnder18ThenInDimensionOrder()
    {
        var day = fixture.ReferenceDate.AddYears(-3);
        var expected = fixture.Children.Where(c => c.Truth.DateOfBirth <= day && c.AgeOn(day) < 18)
            .ToDictionary(c => c.ChildId, c => new[] { c.Truth.Sex.ToString(), c.AgeOn(day) switch { 0 => "under 1", <= 4 => "1-4", <= 9 => "5-9", <= 15 => "10-15", _ => "16-17" } });

        var response = await fixture.PostAsync(fixture.Counting("linkage", "identifying", "demographic"), PopulationQuery,
            new { asAt = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d = new[] { "sex", "age_band" } });

        var actual = Population(response);
        Assert.True(expected.Count < fixture.Children.Count, "some children were born later");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key]));
    }

    [Theory]
    [InlineData(new[] { "linkage", "identifying", "demographic" }, "ethnicity_group", "COHORT_NOT_ALLOWED")]
    [InlineData(new[] { "special_category" }, "ethnicity_group", "COHORT_NOT_ALLOWED")]
    [InlineData(new[] { "linkage", "contact" }, "postcode", "COHORT_UNKNOWN_DIMENSION")]
    public async Task Population_DimensionNotCountedOrUnknown_RefusedWithNoData(string[] labels, string dimension, string code)
    {
        var response = await fixture.PostAsync(fixture.Counting(labels), PopulationQuery, new { asAt = "2026-01-01", d = new[] { dimension } });

        CohortContractTests<ChildIndexSubgraph>.AssertRefusedWith(response, code);
    }

    [Fact]
    public async Task CohortFields_RowLevelContext_NotAllowed()
    {
        var context = fixture.RowLevel();

        CohortContractTests<ChildIndexSubgraph>.AssertRefusedWith(await fixture.PostAsync(context, PopulationQuery, new { asAt = "2026-01-01", d = new[] { "sex" } }), CohortErrors.NotAllowedCode);
        CohortContractTests<ChildIndexSubgraph>.AssertRefusedWith(await fixture.PostAsync(context, "{ _cohortLinks(source: \"education\", localIds: [\"x\"]) { childIds } }"), CohortErrors.NotAllowedCode);
        CohortContractTests<ChildIndexSubgraph>.AssertRefusedWith(await fixture.PostAsync(context, "{ _cohortDimensions { name } }"), CohortErrors.NotAllowedCode);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(8_000)]
    public async Task Links_AnAgencysIds_TheChildEachIsLinkedToAndNoneForUnknownIds(int unknown)
    {
        var pupils = fixture.Children.Where(c => c.Education is not null).ToList();
        var ids = pupils.Select(c => c.Education!.LocalId).Concat(Enumerable.Range(0, unknown).Select(i => $"NOT-LINKED-{i}")).ToArray();

        var response = await fixture.PostAsync(fixture.Counting("linkage"), "query($ids: [ID!]!) { _cohortLinks(source: \"education\", localIds: $ids) { localIds childIds } }", new { ids });

        var columns = response.GetProperty("data").GetProperty("_cohortLinks");
        var links = columns.GetProperty("localIds").EnumerateArray().Zip(columns.GetProperty("childIds").EnumerateArray())
            .Select(l => (l.First.GetString()!, l.Second.GetString()!)).Order().ToList();
        Assert.Equal(pupils.Select(c => (c.Education!.LocalId, c.ChildId)).Order(), links);
    }

    [Fact]
    public async Task Links_WithoutCountingLinkage_NotAllowed()
    {
        var response = await fixture.PostAsync(fixture.Counting("contact"), "{ _cohortLinks(source: \"education\", localIds: [\"x\"]) { childIds } }");

        CohortContractTests<ChildIndexSubgraph>.AssertRefusedWith(response, CohortErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Dimensions_ListsTheCountedOnesWithTheirGroups()
    {
        var wards = (await fixture.QueryAsync<string>("SELECT DISTINCT ward_name FROM ci_postcode_geography")).Append("Unknown").Order().ToList();

        var all = await fixture.PostAsync(fixture.Counting(AllLabels), "{ _cohortDimensions { name label kind window values } }");
        var contact = await fixture.PostAsync(fixture.Counting("contact"), "{ _cohortDimensions { name } }");

        var dimensions = all.GetProperty("data").GetProperty("_cohortDimensions").EnumerateArray().ToList();
        Assert.Equal(["age_band", "sex", "ethnicity_group", "ward", "lsoa", "idaci_decile"], dimensions.Select(d => d.GetProperty("name").GetString()));
        Assert.All(dimensions, d => Assert.Equal(("DIMENSION", "AS_AT"), (d.GetProperty("kind").GetString(), d.GetProperty("window").GetString())));
        Assert.Equal(wards, dimensions[3].GetProperty("values").EnumerateArray().Select(v => v.GetString()).Order());
        Assert.Equal(["ward", "lsoa", "idaci_decile"], contact.GetProperty("data").GetProperty("_cohortDimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Sdl_CohortFieldsAndTypes_AreInaccessible()
    {
        var sdl = (await fixture.Host.QueryAsync("{ _service { sdl } }")).GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Contains("_cohortDimensions: [CohortFact!]! @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Matches(@"_cohortLinks\(\s*(""[^""]*""\s*)?source: String!,?\s*localIds: \[ID!\]!\s*\): CohortLinks! @inaccessible", sdl);
        Assert.Contains("_cohortPopulation(asAt: Date!, dimensions: [String!]!): CohortPopulation! @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("type CohortLinks @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("type CohortPopulation @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("type CohortFact @shareable @inaccessible", sdl, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, int>> DecilesAsync() =>
        (await fixture.QueryAsync<(string, int)>("SELECT c.child_id, g.idaci_decile FROM ci_child c JOIN ci_postcode_geography g ON g.postcode = c.postcode"))
            .ToDictionary(r => r.Item1, r => r.Item2);

    private static Dictionary<string, string[]> Population(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var population = response.GetProperty("data").GetProperty("_cohortPopulation");
        var children = population.GetProperty("childIds").EnumerateArray().Select(c => c.GetString()!).ToList();
        var columns = population.GetProperty("groups").EnumerateArray().Select(g => g.EnumerateArray().Select(v => v.GetString()!).ToList()).ToList();
        Assert.All(columns, column => Assert.Equal(children.Count, column.Count));
        return children.Select((child, i) => (child, i)).ToDictionary(c => c.child, c => columns.Select(column => column[c.i]).ToArray());
    }
}

public sealed class SqliteChildIndexCohortTests(SqliteChildIndexCohort fixture) : ChildIndexCohortTests(fixture), IClassFixture<SqliteChildIndexCohort>;

public sealed class PostgresChildIndexCohortTests(PostgresChildIndexCohort fixture) : ChildIndexCohortTests(fixture), IClassFixture<PostgresChildIndexCohort>;
