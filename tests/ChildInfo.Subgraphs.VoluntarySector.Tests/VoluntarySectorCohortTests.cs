using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>A generated population written by the generator's voluntary sector writer, behind a subgraph with a context key.</summary>
public abstract class VoluntarySectorCohortFixture() : CohortFixture<VoluntarySectorSubgraph>(new VoluntarySectorSubgraph())
{
    private const int Seed = 4005;

    public override DateOnly ReferenceDate => PopulationGenerator.DefaultReferenceDate;

    public override string RecordKeysSql => "SELECT ParticipantID FROM tblParticipant";

    protected override async Task WriteAsync(AgencyDatabase database)
    {
        var generator = new PopulationGenerator(Seed, ReferenceDate);
        var context = new GenerationContext(Seed, ReferenceDate, ReferenceDataFactory.Create());
        var writer = new VoluntarySectorWriter();
        await using var bulk = await BulkWriter.OpenAsync(database);
        await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
        foreach (var chunk in generator.GenerateChunks(6_000, 2_000))
        {
            await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
        }
    }
}

public sealed class SqliteVoluntarySectorCohort : VoluntarySectorCohortFixture;

public sealed class PostgresVoluntarySectorCohort : VoluntarySectorCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The cohort contract every agency keeps (<see cref="CohortContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteVoluntarySectorCohortContractTests(SqliteVoluntarySectorCohort fixture)
    : CohortContractTests<VoluntarySectorSubgraph>(fixture), IClassFixture<SqliteVoluntarySectorCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresVoluntarySectorCohortContractTests(PostgresVoluntarySectorCohort fixture)
    : CohortContractTests<VoluntarySectorSubgraph>(fixture), IClassFixture<PostgresVoluntarySectorCohort>;

/// <summary>The voluntary sector's cohort facts against the generated rows, worked out here rather than with the facts' SQL.</summary>
public abstract class VoluntarySectorCohortTests(VoluntarySectorCohortFixture fixture)
{
    private DateOnly Today => fixture.ReferenceDate;

    [Theory]
    [InlineData(180, null)]
    [InlineData(365, "YOUTH_WORK")]
    [InlineData(730, "FAMILY_SUPPORT")]
    public async Task Engaged_EngagementsThatOverlapThePeriod(int days, string? service)
    {
        var from = Today.AddDays(-days);
        var engagements = await fixture.QueryAsync<Dated>("SELECT ParticipantID AS Id, StartDate AS Day, EndDate AS EndDay, ServiceCode AS Text FROM tblEngagement");
        var expected = engagements.Where(e => e.Day <= Today && (e.EndDay is null || e.EndDay >= from) && (service is null || e.Text == service))
            .Select(e => e.Id).Distinct().Order().ToList();

        var rows = await fixture.RowsAsync("engaged", service, from, Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
    }

    [Theory]
    [InlineData(365)]
    [InlineData(1000)]
    public async Task SdqTotal_TheLatestQuestionnaireInThePeriod(int days)
    {
        var from = Today.AddDays(-days);
        var sdqs = await fixture.QueryAsync<Dated>("SELECT ParticipantID AS Id, SDQID AS Text, CompletedDate AS Day, Emotional + Conduct + Hyperactivity + PeerProblems AS Score FROM tblSDQ");
        var expected = sdqs.Where(s => s.Day >= from && s.Day <= Today).GroupBy(s => s.Id)
            .Select(g => (g.Key, (double?)g.Where(s => s.Day == g.Max(t => t.Day)).MaxBy(s => s.Text, StringComparer.Ordinal)!.Score)).Order().ToList();

        var rows = await fixture.RowsAsync("sdq_total", from: from, to: Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => (r.LocalId, r.Measure)).Order());
        Assert.All(rows, r => Assert.InRange(r.Measure!.Value, 0, 40));
    }

    [Fact]
    public async Task WemwbsTotal_TheLatestScaleInTheLastTwoYears()
    {
        var from = Today.AddYears(-2);
        var scales = await fixture.QueryAsync<Dated>("SELECT ParticipantID AS Id, WEMWBSID AS Text, CompletedDate AS Day, TotalScore AS Score FROM tblWEMWBS");
        var expected = scales.Where(s => s.Day >= from && s.Day <= Today).GroupBy(s => s.Id)
            .Select(g => (g.Key, (double?)g.Where(s => s.Day == g.Max(t => t.Day)).MaxBy(s => s.Text, StringComparer.Ordinal)!.Score)).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await fixture.RowsAsync("wemwbs_total", from: from, to: Today)).Select(r => (r.LocalId, r.Measure)).Order());
    }

    [Fact]
    public async Task VoiceRecorded_InTheLastYear()
    {
        var from = Today.AddYears(-1);
        var voices = await fixture.QueryAsync<Dated>("SELECT ParticipantID AS Id, RecordedDate AS Day FROM tblVoice");

        Assert.Equal(voices.Where(v => v.Day >= from && v.Day <= Today).Select(v => v.Id).Distinct().Order(),
            (await fixture.RowsAsync(CommonCohortFacts.VoiceRecordedName, from: from, to: Today)).Select(r => r.LocalId).Order());
    }

    private sealed class Dated
    {
        public string Id { get; init; } = "";

        public DateOnly Day { get; init; }

        public DateOnly? EndDay { get; init; }

        public string? Text { get; init; }

        public int Score { get; init; }
    }
}

public sealed class SqliteVoluntarySectorCohortTests(SqliteVoluntarySectorCohort fixture) : VoluntarySectorCohortTests(fixture), IClassFixture<SqliteVoluntarySectorCohort>;

public sealed class PostgresVoluntarySectorCohortTests(PostgresVoluntarySectorCohort fixture) : VoluntarySectorCohortTests(fixture), IClassFixture<PostgresVoluntarySectorCohort>;
