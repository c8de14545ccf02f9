using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.SocialCare.Data;

namespace ChildInfo.Subgraphs.SocialCare.Protection;

/// <summary>Section 47 enquiries and child protection plans for a batch of children.</summary>
public sealed class ProtectionRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<Section47Enquiry>> GetEnquiriesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("protection.s47");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT s.s47e_s47_enquiry_id, s.s47e_person_id, s.s47e_referral_id, s.s47e_s47_start_date, s.s47e_s47_end_date,
                   s.s47e_s47_nfa, s.s47e_s47_outcome_json, s.s47e_s47_completed_by_team, s.s47e_s47_completed_by_worker_id,
                   c.icpc_icpc_target_date, c.icpc_icpc_date, c.icpc_icpc_outcome_cp_flag
            FROM ssd_s47_enquiry s
            LEFT JOIN ssd_initial_cp_conference c ON c.icpc_s47_enquiry_id = s.s47e_s47_enquiry_id
            WHERE {database.Dialect.In("s.s47e_person_id", "@ids")}
            ORDER BY s.s47e_person_id, s.s47e_s47_start_date DESC, s.s47e_s47_enquiry_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Section47Enquiry
        {
            EnquiryId = DbValue.RequiredText(r, "s47e_s47_enquiry_id"),
            PersonId = DbValue.RequiredText(r, "s47e_person_id"),
            ReferralId = DbValue.Text(r, "s47e_referral_id"),
            S47ActualStartDate = DbValue.Date(r, "s47e_s47_start_date"),
            S47EndDate = DbValue.Date(r, "s47e_s47_end_date"),
            NoFurtherAction = DbValue.Flag(r, "s47e_s47_nfa"),
            Outcomes = JsonColumns.SetFlags(DbValue.Text(r, "s47e_s47_outcome_json")),
            InitialCpcTarget = DbValue.Date(r, "icpc_icpc_target_date"),
            DateOfInitialCpc = DbValue.Date(r, "icpc_icpc_date"),
            IcpcResultedInPlan = DbValue.Flag(r, "icpc_icpc_outcome_cp_flag"),
            TeamId = DbValue.Text(r, "s47e_s47_completed_by_team"),
            WorkerId = DbValue.Text(r, "s47e_s47_completed_by_worker_id"),
        });
    }

    public async Task<IEnumerable<ChildProtectionPlan>> GetPlansAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("protection.cpPlans");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT p.cppl_cp_plan_id, p.cppl_person_id, p.cppl_referral_id, p.cppl_cp_plan_start_date, p.cppl_cp_plan_end_date,
                   p.cppl_cp_plan_initial_category, p.cppl_cp_plan_latest_category, p.cppl_cp_plan_ola,
                   (SELECT COUNT(*) FROM ssd_cp_plans e
                     WHERE e.cppl_person_id = p.cppl_person_id AND e.cppl_cp_plan_start_date < p.cppl_cp_plan_start_date) AS previous_plans
            FROM ssd_cp_plans p
            WHERE {database.Dialect.In("p.cppl_person_id", "@ids")}
            ORDER BY p.cppl_person_id, p.cppl_cp_plan_start_date DESC, p.cppl_cp_plan_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ChildProtectionPlan
        {
            CpPlanId = DbValue.RequiredText(r, "cppl_cp_plan_id"),
            PersonId = DbValue.RequiredText(r, "cppl_person_id"),
            ReferralId = DbValue.Text(r, "cppl_referral_id"),
            CppStartDate = DbValue.Date(r, "cppl_cp_plan_start_date"),
            CppEndDate = DbValue.Date(r, "cppl_cp_plan_end_date"),
            InitialCategoryOfAbuse = DbValue.Text(r, "cppl_cp_plan_initial_category"),
            LatestCategoryOfAbuse = DbValue.Text(r, "cppl_cp_plan_latest_category"),
            NumberOfPreviousCpp = DbValue.Int(r, "previous_plans") ?? 0,
            OtherLocalAuthority = DbValue.Flag(r, "cppl_cp_plan_ola"),
        });
    }
}
