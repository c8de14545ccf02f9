using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.Education.Cohort;

/// <summary>
/// What education counts by, over the school census tables: attendance (the terms that start in the period),
/// special educational needs as the census records them now, free school meals, the phase of the school, exclusions
/// and the child's voice. The record key is the <c>UPN</c>, as the child index links it.
/// </summary>
public static class EducationCohortFacts
{
    /// <summary>The census's SEN types (primary need).</summary>
    public static readonly string[] SenTypes = ["ASD", "HI", "MLD", "MSI", "NSA", "OTH", "PD", "PMLD", "SEMH", "SLCN", "SLD", "SPLD", "VI"];

    /// <summary>SEN provision as analysts read it: E, K and N of the census.</summary>
    public static readonly string[] SenStatuses = ["EHC plan", "No SEN", "SEN support"];

    /// <summary>The census's exclusion categories.</summary>
    public static readonly string[] ExclusionCategories = ["PERMANENT", "SUSPENSION"];

    private const string Terms = "a.TermStart >= @from AND a.TermStart <= @to";
    private const string Absence = "(a.SessionsAuthorisedAbsence + a.SessionsUnauthorisedAbsence)";

    public static CohortCatalogue Catalogue { get; } = new(
    [
        new("persistently_absent", "attendance_summary", "Persistently absent: missed at least 10% of possible sessions over the terms that start in the period.",
            CohortFactKind.Condition, CohortWindowKind.During,
            $"SELECT a.UPN AS local_id FROM PUPIL_ATTENDANCE a WHERE {Terms} GROUP BY a.UPN HAVING SUM(a.SessionsPossible) > 0 AND SUM({Absence}) * 10 >= SUM(a.SessionsPossible)"),
        new("attendance_rate", "attendance_summary", "Attendance rate over the terms that start in the period: sessions attended as a percentage of possible sessions.",
            CohortFactKind.Measure, CohortWindowKind.During,
            $"SELECT a.UPN AS local_id, 100.0 * SUM(a.SessionsPossible - {Absence}) / SUM(a.SessionsPossible) AS measure FROM PUPIL_ATTENDANCE a WHERE {Terms} GROUP BY a.UPN HAVING SUM(a.SessionsPossible) > 0"),
        new("sen_status", "sen", "Special educational needs provision as the latest census records it: EHC plan, SEN support or no SEN.",
            CohortFactKind.Dimension, CohortWindowKind.None,
            "SELECT p.UPN AS local_id, CASE p.SENprovision WHEN 'E' THEN 'EHC plan' WHEN 'K' THEN 'SEN support' ELSE 'No SEN' END AS grp FROM PUPIL p")
        { Values = [.. SenStatuses] },
        new("sen_type", "sen", "The primary type of special educational need (pupils with SEN provision and a recorded type).",
            CohortFactKind.Dimension, CohortWindowKind.None,
            "SELECT s.UPN AS local_id, s.SENtype AS grp FROM PUPIL_SEN_TYPE s WHERE s.SENtypeRanking = 1")
        { Values = [.. SenTypes] },
        new("ehc_plan", "sen", "Has an education, health and care plan, as the latest census records it.",
            CohortFactKind.Condition, CohortWindowKind.None,
            "SELECT p.UPN AS local_id FROM PUPIL p WHERE p.SENprovision = 'E'"),
        new("fsm_eligible", "fsm", "Eligible for free school meals on the day.",
            CohortFactKind.Condition, CohortWindowKind.AsAt,
            "SELECT f.UPN AS local_id FROM PUPIL_FSM f WHERE f.FSMStartDate <= @to AND (f.FSMEndDate IS NULL OR f.FSMEndDate > @to)"),
        new("school_phase", "enrolment", "The phase of the school the pupil is on roll at on the day (main or only registration; the latest, if more than one).",
            CohortFactKind.Dimension, CohortWindowKind.AsAt,
            """
            SELECT e.UPN AS local_id, MAX(s.Phase) AS grp FROM PUPIL_ENROLMENT e JOIN SCHOOL s ON s.URN = e.URN
            WHERE e.EnrolStatus IN ('C', 'M') AND e.EntryDate <= @to AND (e.LeavingDate IS NULL OR e.LeavingDate > @to)
              AND e.EntryDate = (SELECT MAX(f.EntryDate) FROM PUPIL_ENROLMENT f WHERE f.UPN = e.UPN AND f.EnrolStatus IN ('C', 'M')
                  AND f.EntryDate <= @to AND (f.LeavingDate IS NULL OR f.LeavingDate > @to))
            GROUP BY e.UPN
            """)
        { ValuesSql = "SELECT Phase AS value FROM SCHOOL" },
        new("excluded", "exclusion", "Excluded at least once in the period (value: SUSPENSION or PERMANENT).",
            CohortFactKind.Condition, CohortWindowKind.During,
            "SELECT x.UPN AS local_id, x.Category AS value FROM PUPIL_EXCLUSION x WHERE x.StartDate >= @from AND x.StartDate <= @to")
        { Values = [.. ExclusionCategories] },
        new("exclusions", "exclusion", "Exclusions (suspensions and permanent exclusions) that start in the period (measure: how many).",
            CohortFactKind.Events, CohortWindowKind.During,
            "SELECT x.UPN AS local_id, COUNT(*) AS measure FROM PUPIL_EXCLUSION x WHERE x.StartDate >= @from AND x.StartDate <= @to GROUP BY x.UPN"),
        CommonCohortFacts.VoiceRecorded("PUPIL_VOICE", "UPN", "RecordedOn"),
    ],
        "SELECT UPN AS local_id, Code AS code, DataCategory AS data_category, WithheldFromPurposes AS withheld_purposes, WithheldFromAgencies AS withheld_agencies FROM PUPIL_DATA_PREFERENCE");
}
