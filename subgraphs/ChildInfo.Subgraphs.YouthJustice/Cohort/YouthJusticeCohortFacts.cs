using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.YouthJustice.Cohort;

/// <summary>
/// What the youth justice service counts by: a case worked with the child at some time in the period, and the
/// child's voice. The record key is the service's <c>person_id</c>.
/// </summary>
public static class YouthJusticeCohortFacts
{
    public static CohortCatalogue Catalogue { get; } = new(
    [
        new("youth_justice_case", "criminal_offence", "A youth justice case open at some time in the period: from its outcome to its closure (value: the outcome type).",
            CohortFactKind.Condition, CohortWindowKind.During,
            "SELECT c.person_id AS local_id, c.outcome_type AS value FROM yj_case c WHERE c.outcome_date <= @to AND (c.closed_on IS NULL OR c.closed_on >= @from)")
        { ValuesSql = "SELECT outcome_type AS value FROM yj_case" },
        CommonCohortFacts.VoiceRecorded("yj_voice v JOIN yj_case c ON c.case_id = v.case_id", "c.person_id", "v.recorded_on"),
    ],
        "SELECT c.person_id AS local_id, p.preference_code AS code, p.data_category AS data_category, p.withheld_purposes AS withheld_purposes, p.withheld_agencies AS withheld_agencies FROM yj_data_use_preference p JOIN yj_case c ON c.case_id = p.case_id");
}
