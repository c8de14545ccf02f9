using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>
/// Education's cohort facts against the generated data: each fact's records are worked out here from the generated
/// children or the table rows (not with the facts' SQL), over different windows.
/// </summary>
public abstract class EducationCohortTests(EducationCohortFixture fixture)
{
    private DateOnly Today => fixture.ReferenceDate;

    [Theory]
    [InlineData("2025-09-01", "2025-12-31")]
    [InlineData("2025-09-01", "2026-03-31")]
    [InlineData("2025-08-01", "2026-08-31")]
    public async Task PersistentlyAbsentAndAttendanceRate_OverTheTermsStartingInThePeriod(string from, string to)
    {
        var (start, end) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var terms = await fixture.QueryAsync<Term>("SELECT UPN AS Upn, TermStart, SessionsPossible AS Possible, SessionsAuthorisedAbsence + SessionsUnauthorisedAbsence AS Absent FROM PUPIL_ATTENDANCE");
        var byPupil = terms.Where(t => t.TermStart >= start && t.TermStart <= end).GroupBy(t => t.Upn)
            .Select(g => (Upn: g.Key, Possible: g.Sum(t => t.Possible), Absent: g.Sum(t => t.Absent))).Where(p => p.Possible > 0).ToList();

        var absent = await fixture.RowsAsync("persistently_absent", from: start, to: end);
        var rates = await fixture.RowsAsync("attendance_rate", from: start, to: end);

        Assert.NotEmpty(byPupil);
        Assert.Equal(byPupil.Where(p => p.Absent * 10 >= p.Possible).Select(p => p.Upn).Order(), absent.Select(r => r.LocalId).Order());
        var rate = rates.ToDictionary(r => r.LocalId, r => r.Measure!.Value);
        Assert.Equal(byPupil.Select(p => p.Upn).Order(), rate.Keys.Order());
        Assert.All(byPupil, p => Assert.Equal(100.0 * (p.Possible - p.Absent) / p.Possible, rate[p.Upn], 6));
    }

    [Fact]
    public async Task EhcPlanAndSenStatus_AsTheGeneratedChildrensProvision()
    {
        var ehc = await fixture.RowsAsync("ehc_plan");
        var status = (await fixture.RowsAsync("sen_status")).ToDictionary(r => r.LocalId, r => r.Group);

        Assert.Equal(fixture.Pupils.Where(p => p.Value.Circumstances.SenProvision == 'E').Select(p => p.Key).Order(), ehc.Select(r => r.LocalId).Order());
        Assert.Equal(fixture.Pupils.Keys.Order(), status.Keys.Order());
        Assert.All(fixture.Pupils, p => Assert.Equal(p.Value.Circumstances.SenProvision switch { 'E' => "EHC plan", 'K' => "SEN support", _ => "No SEN" }, status[p.Key]));
    }

    [Fact]
    public async Task SenType_ThePrimaryTypeOfEveryPupilWithSen()
    {
        var types = await fixture.QueryAsync<Row>("SELECT UPN AS Upn, SENtype AS Value FROM PUPIL_SEN_TYPE WHERE SENtypeRanking = 1");

        var rows = await fixture.RowsAsync("sen_type");

        Assert.Equal(fixture.Pupils.Count(p => p.Value.Circumstances.SenProvision != 'N'), rows.Count);
        Assert.Equal(types.Select(t => (t.Upn, (string?)t.Value)).Order(), rows.Select(r => (r.LocalId, r.Group)).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    public async Task FsmEligible_AsAtADay_ThePeriodsOfEligibilityOpenThatDay(int daysBefore)
    {
        var day = Today.AddDays(-daysBefore);
        var periods = await fixture.QueryAsync<Period>("SELECT UPN AS Upn, FSMStartDate AS Start, FSMEndDate AS End FROM PUPIL_FSM");
        var expected = periods.Where(p => p.Start <= day && (p.End is null || p.End > day)).Select(p => p.Upn).Distinct().Order().ToList();

        var rows = await fixture.RowsAsync("fsm_eligible", to: day);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
        if (daysBefore == 0)
        {
            Assert.Equal(fixture.Pupils.Where(p => p.Value.Circumstances.FsmEligible).Select(p => p.Key).Order(), rows.Select(r => r.LocalId).Order());
        }
    }

    [Fact]
    public async Task SchoolPhase_AsAtTheReferenceDate_ThePhaseOfTheLatestMainRegistration()
    {
        var enrolments = await fixture.QueryAsync<Period>("""
            SELECT e.UPN AS Upn, e.EntryDate AS Start, e.LeavingDate AS End, s.Phase AS Value FROM PUPIL_ENROLMENT e JOIN SCHOOL s ON s.URN = e.URN WHERE e.EnrolStatus IN ('C', 'M')
            """);
        var expected = enrolments.Where(e => e.Start <= Today && (e.End is null || e.End > Today)).GroupBy(e => e.Upn)
            .Select(g => (g.Key, g.Where(e => e.Start == g.Max(f => f.Start)).Max(e => e.Value))).Order().ToList();

        var rows = await fixture.RowsAsync("school_phase", to: Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => (r.LocalId, r.Group)).Order());
    }

    [Theory]
    [InlineData(365, null)]
    [InlineData(730, "PERMANENT")]
    [InlineData(730, "SUSPENSION")]
    public async Task ExcludedAndExclusions_InThePeriod(int days, string? category)
    {
        var from = Today.AddDays(-days);
        var exclusions = await fixture.QueryAsync<Period>("SELECT UPN AS Upn, StartDate AS Start, Category AS Value FROM PUPIL_EXCLUSION");
        var inPeriod = exclusions.Where(x => x.Start >= from && x.Start <= Today).ToList();

        var excluded = await fixture.RowsAsync("excluded", category, from, Today);
        var counts = await fixture.RowsAsync("exclusions", from: from, to: Today);

        Assert.Equal(inPeriod.Where(x => category is null || x.Value == category).Select(x => x.Upn).Distinct().Order(), excluded.Select(r => r.LocalId).Order());
        Assert.Equal(inPeriod.GroupBy(x => x.Upn).Select(g => (g.Key, (double)g.Count())).Order(), counts.Select(r => (r.LocalId, r.Measure!.Value)).Order());
        Assert.NotEmpty(counts);
    }

    [Fact]
    public async Task VoiceRecorded_InTheLastYear()
    {
        var from = Today.AddYears(-1);
        var voices = await fixture.QueryAsync<Period>("SELECT UPN AS Upn, RecordedOn AS Start FROM PUPIL_VOICE");

        var rows = await fixture.RowsAsync(CommonCohortFacts.VoiceRecordedName, from: from, to: Today);

        Assert.Equal(voices.Where(v => v.Start >= from && v.Start <= Today).Select(v => v.Upn).Distinct().Order(), rows.Select(r => r.LocalId).Order());
    }

    private sealed class Term
    {
        public string Upn { get; init; } = "";

        public DateOnly TermStart { get; init; }

        public long Possible { get; init; }

        public long Absent { get; init; }
    }

    private sealed class Period
    {
        public string Upn { get; init; } = "";

        public DateOnly Start { get; init; }

        public DateOnly? End { get; init; }

        public string? Value { get; init; }
    }

    private sealed class Row
    {
        public string Upn { get; init; } = "";

        public string Value { get; init; } = "";
    }
}

public sealed class SqliteEducationCohortTests(SqliteEducationCohort fixture) : EducationCohortTests(fixture), IClassFixture<SqliteEducationCohort>;

public sealed class PostgresEducationCohortTests(PostgresEducationCohort fixture) : EducationCohortTests(fixture), IClassFixture<PostgresEducationCohort>;
