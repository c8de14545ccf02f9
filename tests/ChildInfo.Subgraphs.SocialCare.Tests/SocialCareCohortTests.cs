using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// Social care's cohort facts against the generated data: each fact's records are worked out here from the
/// generated children or from the table rows (not with the facts' SQL), for the reference date and for days and
/// periods before it.
/// </summary>
public abstract class SocialCareCohortTests(SocialCareCohortFixture fixture)
{
    private DateOnly Today => fixture.ReferenceDate;

    private static bool Open(DateOnly start, DateOnly? end, DateOnly on) => start <= on && (end is null || end > on);

    [Fact]
    public async Task CpPlan_AsAtTheReferenceDate_TheChildrenGeneratedOnAPlan()
    {
        var expected = fixture.Known.Where(c => c.Circumstances.ChildProtectionPlan).Select(c => c.SocialCare!.LocalId).Order().ToList();

        var rows = await fixture.RowsAsync("cp_plan", to: Today);

        Assert.True(expected.Count >= 10, "the population has children on plans");
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task LookedAfter_AsAtTheReferenceDate_TheChildrenGeneratedLookedAfter()
    {
        var expected = fixture.Known.Where(c => c.Circumstances.LookedAfter).Select(c => c.SocialCare!.LocalId).Order().ToList();

        Assert.Equal(expected, (await fixture.RowsAsync("looked_after", to: Today)).Select(r => r.LocalId).Order());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(400, null)]
    [InlineData(0, "NEG")]
    [InlineData(400, "EMO")]
    public async Task CpPlan_AsAtAnyDayAndCategory_ThePlansOpenThatDay(int daysBefore, string? category)
    {
        var day = Today.AddDays(-daysBefore);
        var plans = await fixture.QueryAsync<Dated>("SELECT cppl_person_id AS Person, cppl_cp_plan_start_date AS Start, cppl_cp_plan_end_date AS End, cppl_cp_plan_latest_category AS Category FROM ssd_cp_plans");
        var expected = plans.Where(p => Open(p.Start, p.End, day) && (category is null || p.Category == category)).Select(p => p.Person).Distinct().Order().ToList();

        var rows = await fixture.RowsAsync("cp_plan", category, to: day);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task CategoryOfAbuse_AsAtTheReferenceDate_TheLatestOpenPlansCategoryForEveryChildOnAPlan()
    {
        var plans = await fixture.QueryAsync<Dated>("SELECT cppl_person_id AS Person, cppl_cp_plan_start_date AS Start, cppl_cp_plan_end_date AS End, cppl_cp_plan_latest_category AS Category FROM ssd_cp_plans");
        var expected = plans.Where(p => Open(p.Start, p.End, Today)).GroupBy(p => p.Person)
            .ToDictionary(g => g.Key, g => g.Where(p => p.Start == g.Max(q => q.Start)).Max(p => p.Category));

        var rows = await fixture.RowsAsync("category_of_abuse", to: Today);

        Assert.Equal(expected.OrderBy(e => e.Key), rows.Select(r => KeyValuePair.Create(r.LocalId, r.Group)).OrderBy(e => e.Key));
        Assert.Equal(fixture.Known.Where(c => c.Circumstances.ChildProtectionPlan).Select(c => c.SocialCare!.LocalId).Order(), rows.Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task Referrals_InTheLastTwoYears_EachChildsNumberOfReferrals()
    {
        var from = Today.AddYears(-2);
        var referrals = await fixture.QueryAsync<Dated>("SELECT cine_person_id AS Person, cine_referral_date AS Start, cine_close_date AS End, cine_cin_primary_need_code AS Category FROM ssd_cin_episodes");
        var expected = referrals.Where(r => r.Start >= from && r.Start <= Today).GroupBy(r => r.Person).ToDictionary(g => g.Key, g => (double)g.Count());

        var rows = await fixture.RowsAsync("referrals", from: from, to: Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), rows.Select(r => KeyValuePair.Create(r.LocalId, r.Measure!.Value)).OrderBy(e => e.Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("N1")]
    public async Task ChildInNeed_AsAtTheReferenceDate_OpenEpisodesOfTheNeed(string? need)
    {
        var episodes = await fixture.QueryAsync<Dated>("SELECT cine_person_id AS Person, cine_referral_date AS Start, cine_close_date AS End, cine_cin_primary_need_code AS Category FROM ssd_cin_episodes");
        var expected = episodes.Where(e => Open(e.Start, e.End, Today) && (need is null || e.Category == need)).Select(e => e.Person).Distinct().Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await fixture.RowsAsync("child_in_need", need, to: Today)).Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task Team_AsAtTheReferenceDate_TheLatestOpenAllocationsTeamName()
    {
        var allocations = await fixture.QueryAsync<Dated>("""
            SELECT i.invo_person_id AS Person, i.invo_involvement_start_date AS Start, i.invo_involvement_end_date AS End, d.dept_team_name AS Category
            FROM ssd_involvements i JOIN ssd_department d ON d.dept_team_id = i.invo_professional_team
            """);
        var expected = allocations.Where(a => Open(a.Start, a.End, Today)).GroupBy(a => a.Person)
            .ToDictionary(g => g.Key, g => g.Where(a => a.Start == g.Max(b => b.Start)).Max(a => a.Category));

        var rows = await fixture.RowsAsync("team", to: Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), rows.Select(r => KeyValuePair.Create(r.LocalId, r.Group)).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task EarlyHelp_AsAtTheReferenceDate_OpenEpisodes()
    {
        var episodes = await fixture.QueryAsync<Dated>("SELECT earl_person_id AS Person, earl_episode_start_date AS Start, earl_episode_end_date AS End FROM ssd_early_help_episodes");
        var expected = episodes.Where(e => Open(e.Start, e.End, Today)).Select(e => e.Person).Distinct().Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await fixture.RowsAsync("early_help", to: Today)).Select(r => r.LocalId).Order());
    }

    [Theory]
    [InlineData(90)]
    [InlineData(730)]
    public async Task VoiceRecorded_DuringAPeriod_ChildrenWhoseWordsWereRecordedInIt(int days)
    {
        var from = Today.AddDays(-days);
        var voices = await fixture.QueryAsync<Dated>("SELECT cvoi_person_id AS Person, cvoi_recorded_date AS Start FROM cms_child_voice");
        var expected = voices.Where(v => v.Start >= from && v.Start <= Today).Select(v => v.Person).Distinct().Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await fixture.RowsAsync(CommonCohortFacts.VoiceRecordedName, from: from, to: Today)).Select(r => r.LocalId).Order());
    }

    [Fact]
    public async Task RowLevelField_WithACountingContext_Refused()
    {
        var person = fixture.Known[0].SocialCare!.LocalId;

        var response = await fixture.PostAsync(fixture.CountingEverything(), "query($id: ID!) { socialCareChild(personId: $id) { personId childProtectionPlans { cpPlanId } } }", new { id = person });

        Assert.Equal("CONTEXT_LABEL_NOT_ALLOWED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain(person, response.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A dated row of one child's: a plan, an episode, an allocation, a voice record.</summary>
    private sealed class Dated
    {
        public string Person { get; init; } = "";

        public DateOnly Start { get; init; }

        public DateOnly? End { get; init; }

        public string? Category { get; init; }
    }
}

public sealed class SqliteSocialCareCohortTests(SqliteSocialCareCohort fixture) : SocialCareCohortTests(fixture), IClassFixture<SqliteSocialCareCohort>;

public sealed class PostgresSocialCareCohortTests(PostgresSocialCareCohort fixture) : SocialCareCohortTests(fixture), IClassFixture<PostgresSocialCareCohort>;
