using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.YouthJustice.Seeding;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>Cases the service's own seeding generates for a child index of 12,000 children, behind a subgraph with a context key.</summary>
public abstract class YouthJusticeCohortFixture() : CohortFixture<YouthJusticeSubgraph>(new YouthJusticeSubgraph())
{
    public override DateOnly ReferenceDate => ChildIndexFile.AsOf;

    public override string RecordKeysSql => "SELECT person_id FROM yj_person";

    protected override Task WriteAsync(AgencyDatabase database) =>
        YouthJusticeSeeder.WriteAsync(database, CaseGenerator.Generate(new ChildIndexSnapshot(ChildIndexFile.AsOf, ChildIndexFile.Population(12_000))));
}

public sealed class SqliteYouthJusticeCohort : YouthJusticeCohortFixture;

public sealed class PostgresYouthJusticeCohort : YouthJusticeCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The cohort contract every agency keeps (<see cref="CohortContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteYouthJusticeCohortContractTests(SqliteYouthJusticeCohort fixture)
    : CohortContractTests<YouthJusticeSubgraph>(fixture), IClassFixture<SqliteYouthJusticeCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresYouthJusticeCohortContractTests(PostgresYouthJusticeCohort fixture)
    : CohortContractTests<YouthJusticeSubgraph>(fixture), IClassFixture<PostgresYouthJusticeCohort>;

/// <summary>The youth justice service's cohort facts against the seeded rows, worked out here rather than with the facts' SQL.</summary>
public sealed class YouthJusticeCohortTests(SqliteYouthJusticeCohort fixture) : IClassFixture<SqliteYouthJusticeCohort>
{
    private DateOnly Today => fixture.ReferenceDate;

    [Theory]
    [InlineData(90, false)]
    [InlineData(730, false)]
    [InlineData(730, true)]
    public async Task YouthJusticeCase_CasesOpenAtSomeTimeInThePeriod(int days, bool oneOutcome)
    {
        var from = Today.AddDays(-days);
        var cases = await fixture.QueryAsync<Case>("SELECT person_id AS Person, outcome_type AS Outcome, outcome_date AS Outcome_On, closed_on AS Closed FROM yj_case");
        var outcome = oneOutcome ? cases.GroupBy(c => c.Outcome).MaxBy(g => g.Count())!.Key : null;
        var expected = cases.Where(c => c.OutcomeOn <= Today && (c.Closed is null || c.Closed >= from) && (outcome is null || c.Outcome == outcome))
            .Select(c => c.Person).Distinct().Order().ToList();

        var rows = await fixture.RowsAsync("youth_justice_case", outcome, from, Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task VoiceRecorded_ThePeopleWhoseWordsWereRecordedOnACaseInTheLastYear()
    {
        var from = Today.AddYears(-1);
        var voices = await fixture.QueryAsync<Case>("SELECT c.person_id AS Person, v.recorded_on AS Outcome_On FROM yj_voice v JOIN yj_case c ON c.case_id = v.case_id");
        var expected = voices.Where(v => v.OutcomeOn >= from && v.OutcomeOn <= Today).Select(v => v.Person).Distinct().Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await fixture.RowsAsync(CommonCohortFacts.VoiceRecordedName, from: from, to: Today)).Select(r => r.LocalId).Order());
    }

    private sealed class Case
    {
        public string Person { get; init; } = "";

        public string Outcome { get; init; } = "";

        public DateOnly OutcomeOn { get; init; }

        public DateOnly? Closed { get; init; }
    }
}
