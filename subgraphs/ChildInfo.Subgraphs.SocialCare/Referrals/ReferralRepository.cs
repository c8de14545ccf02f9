using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.SocialCare.Data;

namespace ChildInfo.Subgraphs.SocialCare.Referrals;

/// <summary>Referrals, assessments and CIN plans for a batch of children; one statement per list.</summary>
public sealed class ReferralRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<CinEpisode>> GetEpisodesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("referral.episodes");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT cine_referral_id, cine_person_id, cine_referral_date, cine_referral_source_code, cine_referral_source_desc,
                   cine_cin_primary_need_code, cine_close_date, cine_close_reason, cine_referral_nfa,
                   cine_referral_team, cine_referral_worker_id
            FROM ssd_cin_episodes
            WHERE {database.Dialect.In("cine_person_id", "@ids")}
            ORDER BY cine_person_id, cine_referral_date DESC, cine_referral_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new CinEpisode
        {
            ReferralId = DbValue.RequiredText(r, "cine_referral_id"),
            PersonId = DbValue.RequiredText(r, "cine_person_id"),
            CinReferralDate = DbValue.Date(r, "cine_referral_date"),
            ReferralSource = DbValue.Text(r, "cine_referral_source_code"),
            ReferralSourceDescription = DbValue.Text(r, "cine_referral_source_desc"),
            PrimaryNeedCode = DbValue.Text(r, "cine_cin_primary_need_code"),
            CinClosureDate = DbValue.Date(r, "cine_close_date"),
            ReasonForClosure = DbValue.Text(r, "cine_close_reason"),
            ReferralNfa = DbValue.Flag(r, "cine_referral_nfa"),
            TeamId = DbValue.Text(r, "cine_referral_team"),
            WorkerId = DbValue.Text(r, "cine_referral_worker_id"),
        });
    }

    public async Task<IEnumerable<CinAssessment>> GetAssessmentsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("referral.assessments");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT a.cina_assessment_id, a.cina_person_id, a.cina_referral_id, a.cina_assessment_start_date,
                   a.cina_assessment_auth_date, a.cina_assessment_child_seen, a.cina_assessment_outcome_nfa,
                   a.cina_assessment_team, a.cina_assessment_worker_id, f.cinf_assessment_factors_json
            FROM ssd_cin_assessments a
            LEFT JOIN ssd_assessment_factors f ON f.cinf_assessment_id = a.cina_assessment_id
            WHERE {database.Dialect.In("a.cina_person_id", "@ids")}
            ORDER BY a.cina_person_id, a.cina_assessment_start_date DESC, a.cina_assessment_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new CinAssessment
        {
            AssessmentId = DbValue.RequiredText(r, "cina_assessment_id"),
            PersonId = DbValue.RequiredText(r, "cina_person_id"),
            ReferralId = DbValue.Text(r, "cina_referral_id"),
            AssessmentActualStartDate = DbValue.Date(r, "cina_assessment_start_date"),
            AssessmentAuthorisationDate = DbValue.Date(r, "cina_assessment_auth_date"),
            ChildSeen = DbValue.Flag(r, "cina_assessment_child_seen"),
            NoFurtherAction = DbValue.Flag(r, "cina_assessment_outcome_nfa"),
            Factors = JsonColumns.StringArray(DbValue.Text(r, "cinf_assessment_factors_json")),
            TeamId = DbValue.Text(r, "cina_assessment_team"),
            WorkerId = DbValue.Text(r, "cina_assessment_worker_id"),
        });
    }

    public async Task<IEnumerable<CinPlan>> GetCinPlansAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("referral.cinPlans");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT cinp_cin_plan_id, cinp_person_id, cinp_referral_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date,
                   cinp_cin_plan_team, cinp_cin_plan_worker_id
            FROM ssd_cin_plans
            WHERE {database.Dialect.In("cinp_person_id", "@ids")}
            ORDER BY cinp_person_id, cinp_cin_plan_start_date DESC, cinp_cin_plan_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new CinPlan
        {
            CinPlanId = DbValue.RequiredText(r, "cinp_cin_plan_id"),
            PersonId = DbValue.RequiredText(r, "cinp_person_id"),
            ReferralId = DbValue.Text(r, "cinp_referral_id"),
            CinPlanStartDate = DbValue.Date(r, "cinp_cin_plan_start_date"),
            CinPlanEndDate = DbValue.Date(r, "cinp_cin_plan_end_date"),
            TeamId = DbValue.Text(r, "cinp_cin_plan_team"),
            WorkerId = DbValue.Text(r, "cinp_cin_plan_worker_id"),
        });
    }
}
