using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>A generated population written by the generator's early years writer, behind a subgraph with a context key.</summary>
public abstract class EarlyYearsCohortFixture() : CohortFixture<EarlyYearsSubgraph>(new EarlyYearsSubgraph())
{
    private readonly PopulationGenerator _generator = new(seed: 5);

    public override DateOnly ReferenceDate => _generator.ReferenceDate;

    public override string RecordKeysSql => "SELECT EYChildId FROM EY_CHILD";

    protected override async Task WriteAsync(AgencyDatabase database)
    {
        var writer = new EarlyYearsWriter();
        var context = new GenerationContext(_generator.Seed, _generator.ReferenceDate, _generator.Reference);
        await using var bulk = await BulkWriter.OpenAsync(database);
        await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
        foreach (var chunk in _generator.GenerateChunks(4_000, 1_000))
        {
            await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
        }
    }
}

public sealed class SqliteEarlyYearsCohort : EarlyYearsCohortFixture;

public sealed class PostgresEarlyYearsCohort : EarlyYearsCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The cohort contract every agency keeps (<see cref="CohortContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteEarlyYearsCohortContractTests(SqliteEarlyYearsCohort fixture)
    : CohortContractTests<EarlyYearsSubgraph>(fixture), IClassFixture<SqliteEarlyYearsCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresEarlyYearsCohortContractTests(PostgresEarlyYearsCohort fixture)
    : CohortContractTests<EarlyYearsSubgraph>(fixture), IClassFixture<PostgresEarlyYearsCohort>;

/// <summary>Early years' cohort facts against the generated rows, worked out here rather than with the facts' SQL.</summary>
public sealed class EarlyYearsCohortTests(SqliteEarlyYearsCohort fixture) : IClassFixture<SqliteEarlyYearsCohort>
{
    [Fact]
    public async Task GoodLevelOfDevelopment_TheProfilesAtTheExpectedLevelInAllTwelveGldGoals()
    {
        var profiles = await fixture.QueryAsync<Profile>("""
            SELECT EYChildId AS Id, AssessmentYear AS Year, FSP_COM_E01 AS G1, FSP_COM_E02 AS G2, FSP_PSE_E03 AS G3, FSP_PSE_E04 AS G4, FSP_PSE_E05 AS G5, FSP_PHY_E06 AS G6,
                   FSP_PHY_E07 AS G7, FSP_LIT_E08 AS G8, FSP_LIT_E09 AS G9, FSP_LIT_E10 AS G10, FSP_MAT_E11 AS G11, FSP_MAT_E12 AS G12 FROM EYFSP
            """);
        var year = profiles.Select(p => p.Year).Max()!;

        var assessed = await fixture.RowsAsync("eyfsp_assessed", year);
        var gld = await fixture.RowsAsync("good_level_of_development", year);

        Assert.Equal(profiles.Where(p => p.Year == year).Select(p => p.Id).Order(), assessed.Select(r => r.LocalId).Order());
        var expected = profiles.Where(p => p.Year == year && p.Gld).Select(p => p.Id).Order().ToList();
        Assert.InRange(expected.Count, 1, assessed.Count - 1);
        Assert.Equal(expected, gld.Select(r => r.LocalId).Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("UNIVERSAL")]
    [InlineData("TWO_YEAR_OLD")]
    [InlineData("EXTENDED")]
    public async Task FundedEntitlement_InTheTermsThatStartInThePeriod(string? entitlement)
    {
        var (from, to) = (new DateOnly(2026, 1, 1), fixture.ReferenceDate);
        var terms = await fixture.QueryAsync<Funding>("SELECT EYChildId AS Id, TermStart, FundedHours, ExtendedHours, ExpandedHours, TwoYearOldBasis FROM EY_FUNDING");
        var expected = terms.Where(t => t.TermStart >= from && t.TermStart <= to && entitlement switch
        {
            null => t.FundedHours > 0 || t.ExtendedHours > 0 || t.ExpandedHours > 0 || t.TwoYearOldBasis is not null,
            "UNIVERSAL" => t.FundedHours > 0 && t.TwoYearOldBasis is null,
            "TWO_YEAR_OLD" => t.TwoYearOldBasis is not null,
            _ => t.ExtendedHours > 0,
        }).Select(t => t.Id).Distinct().Order().ToList();

        var rows = await fixture.RowsAsync("funded_entitlement", entitlement, from, to);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task VoiceRecorded_InTheLastYear()
    {
        var from = fixture.ReferenceDate.AddYears(-1);
        var voices = await fixture.QueryAsync<Funding>("SELECT EYChildId AS Id, RecordedOn AS TermStart FROM EY_VOICE");

        var rows = await fixture.RowsAsync(CommonCohortFacts.VoiceRecordedName, from: from, to: fixture.ReferenceDate);

        Assert.Equal(voices.Where(v => v.TermStart >= from && v.TermStart <= fixture.ReferenceDate).Select(v => v.Id).Distinct().Order(), rows.Select(r => r.LocalId).Order());
    }

    private sealed class Profile
    {
        public string Id { get; init; } = "";

        public string Year { get; init; } = "";

        public int G1 { get; init; }

        public int G2 { get; init; }

        public int G3 { get; init; }

        public int G4 { get; init; }

        public int G5 { get; init; }

        public int G6 { get; init; }

        public int G7 { get; init; }

        public int G8 { get; init; }

        public int G9 { get; init; }

        public int G10 { get; init; }

        public int G11 { get; init; }

        public int G12 { get; init; }

        public bool Gld => new[] { G1, G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, G12 }.All(g => g == 2);
    }

    private sealed class Funding
    {
        public string Id { get; init; } = "";

        public DateOnly TermStart { get; init; }

        public decimal FundedHours { get; init; }

        public decimal ExtendedHours { get; init; }

        public decimal ExpandedHours { get; init; }

        public string? TwoYearOldBasis { get; init; }
    }
}
