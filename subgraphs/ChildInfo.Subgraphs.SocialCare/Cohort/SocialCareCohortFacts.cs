using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.SocialCare.Cohort;

/// <summary>
/// What children's social care counts by, over the Standard Safeguarding Dataset's tables: the CIN census and
/// SSDA903 measures (plans, need, care, referrals), early help, the allocated team and the child's voice. The record
/// key is <c>pers_person_id</c>, as the child index links it. A plan or episode is open on a day when it started on
/// or before it and has not ended on or before it.
/// </summary>
public static class SocialCareCohortFacts
{
    /// <summary>The categories of abuse of the CIN census (initial and latest category of a protection plan).</summary>
    public static readonly string[] CategoriesOfAbuse = ["EMO", "MUL", "NEG", "PHY", "SAB"];

    /// <summary>The CIN census's primary need codes (N0 not stated ... N9 absent parenting).</summary>
    public static readonly string[] NeedCodes = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];

    private const string OpenPlan = "p.cppl_cp_plan_start_date <= @to AND (p.cppl_cp_plan_end_date IS NULL OR p.cppl_cp_plan_end_date > @to)";
    private const string OpenEpisode = "e.cine_referral_date <= @to AND (e.cine_close_date IS NULL OR e.cine_close_date > @to)";
    private const string OpenInvolvement = "i.invo_involvement_start_date <= @to AND (i.invo_involvement_end_date IS NULL OR i.invo_involvement_end_date > @to)";

    public static CohortCatalogue Catalogue { get; } = new(
    [
        new("cp_plan", "protection", "On a child protection plan on the day (value: the plan's latest category of abuse).",
            CohortFactKind.Condition, CohortWindowKind.AsAt,
            $"SELECT p.cppl_person_id AS local_id, p.cppl_cp_plan_latest_category AS value FROM ssd_cp_plans p WHERE {OpenPlan}")
        { Values = [.. CategoriesOfAbuse] },
        new("cp_plan_started", "protection", "A child protection plan started in the period (value: its initial category of abuse).",
            CohortFactKind.Condition, CohortWindowKind.During,
            "SELECT p.cppl_person_id AS local_id, p.cppl_cp_plan_initial_category AS value FROM ssd_cp_plans p WHERE p.cppl_cp_plan_start_date >= @from AND p.cppl_cp_plan_start_date <= @to")
        { Values = [.. CategoriesOfAbuse] },
        new("category_of_abuse", "protection", "The latest category of abuse of the child protection plan open on the day (the latest started, if more than one).",
            CohortFactKind.Dimension, CohortWindowKind.AsAt,
            $"""
            SELECT p.cppl_person_id AS local_id, MAX(p.cppl_cp_plan_latest_category) AS grp FROM ssd_cp_plans p
            WHERE {OpenPlan} AND p.cppl_cp_plan_start_date = (SELECT MAX(q.cppl_cp_plan_start_date) FROM ssd_cp_plans q
                WHERE q.cppl_person_id = p.cppl_person_id AND q.cppl_cp_plan_start_date <= @to AND (q.cppl_cp_plan_end_date IS NULL OR q.cppl_cp_plan_end_date > @to))
            GROUP BY p.cppl_person_id
            """)
        { Values = [.. CategoriesOfAbuse] },
        new("child_in_need", "cin", "A child in need on the day: a CIN episode open (value: its primary need code).",
            CohortFactKind.Condition, CohortWindowKind.AsAt,
            $"SELECT e.cine_person_id AS local_id, e.cine_cin_primary_need_code AS value FROM ssd_cin_episodes e WHERE {OpenEpisode}")
        { Values = [.. NeedCodes] },
        new("cin_need_code", "cin", "The primary need code of the CIN episode open on the day (the latest referred, if more than one).",
            CohortFactKind.Dimension, CohortWindowKind.AsAt,
            $"""
            SELECT e.cine_person_id AS local_id, MAX(e.cine_cin_primary_need_code) AS grp FROM ssd_cin_episodes e
            WHERE {OpenEpisode} AND e.cine_referral_date = (SELECT MAX(f.cine_referral_date) FROM ssd_cin_episodes f
                WHERE f.cine_person_id = e.cine_person_id AND f.cine_referral_date <= @to AND (f.cine_close_date IS NULL OR f.cine_close_date > @to))
            GROUP BY e.cine_person_id
            """)
        { Values = [.. NeedCodes] },
        new("looked_after", "care", "Looked after on the day: an episode of care open.",
            CohortFactKind.Condition, CohortWindowKind.AsAt,
            "SELECT c.clae_person_id AS local_id FROM ssd_cla_episodes c WHERE c.clae_cla_episode_start_date <= @to AND (c.clae_cla_episode_ceased_date IS NULL OR c.clae_cla_episode_ceased_date > @to)"),
        new("referrals", "cin", "Referrals to children's social care in the period (measure: how many).",
            CohortFactKind.Events, CohortWindowKind.During,
            "SELECT e.cine_person_id AS local_id, COUNT(*) AS measure FROM ssd_cin_episodes e WHERE e.cine_referral_date >= @from AND e.cine_referral_date <= @to GROUP BY e.cine_person_id"),
        new("team", "workforce", "The team the child is allocated to on the day (the latest allocation, if more than one).",
            CohortFactKind.Dimension, CohortWindowKind.AsAt,
            $"""
            SELECT i.invo_person_id AS local_id, MAX(d.dept_team_name) AS grp
            FROM ssd_involvements i JOIN ssd_department d ON d.dept_team_id = i.invo_professional_team
            WHERE {OpenInvolvement} AND i.invo_involvement_start_date = (SELECT MAX(j.invo_involvement_start_date) FROM ssd_involvements j
                WHERE j.invo_person_id = i.invo_person_id AND j.invo_involvement_start_date <= @to AND (j.invo_involvement_end_date IS NULL OR j.invo_involvement_end_date > @to))
            GROUP BY i.invo_person_id
            """)
        { ValuesSql = "SELECT dept_team_name AS value FROM ssd_department" },
        new("early_help", "early_help", "An early help episode open on the day.",
            CohortFactKind.Condition, CohortWindowKind.AsAt,
            "SELECT h.earl_person_id AS local_id FROM ssd_early_help_episodes h WHERE h.earl_episode_start_date <= @to AND (h.earl_episode_end_date IS NULL OR h.earl_episode_end_date > @to)"),
        CommonCohortFacts.VoiceRecorded("cms_child_voice", "cvoi_person_id", "cvoi_recorded_date"),
    ],
        "SELECT dupr_person_id AS local_id, dupr_code AS code, dupr_data_category AS data_category, dupr_withheld_purposes AS withheld_purposes, dupr_withheld_agencies AS withheld_agencies FROM cms_data_use_preference");
}
