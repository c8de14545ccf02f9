using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.EarlyYears.Cohort;

/// <summary>
/// What early years counts by, over the early years census and the EYFS profile: funded entitlements in the terms
/// that start in the period, the early years pupil premium, the good level of development by assessment year and
/// the child's voice. The record key is <c>EYChildId</c>, as the child index links it.
/// </summary>
public static class EarlyYearsCohortFacts
{
    /// <summary>The entitlements a term's funding row can show.</summary>
    public static readonly string[] Entitlements = ["EXPANDED", "EXTENDED", "TWO_YEAR_OLD", "UNIVERSAL"];

    private const string Terms = "TermStart >= @from AND TermStart <= @to";

    public static CohortCatalogue Catalogue { get; } = new(
    [
        new("funded_entitlement", "funding", "Took up a funded entitlement in a term that starts in the period (value: UNIVERSAL 3-4 year old hours, TWO_YEAR_OLD for disadvantaged two-year-olds, EXTENDED 30 hours, EXPANDED working-parent hours).",
            CohortFactKind.Condition, CohortWindowKind.During,
            $"""
            SELECT EYChildId AS local_id, 'UNIVERSAL' AS value FROM EY_FUNDING WHERE {Terms} AND FundedHours > 0 AND TwoYearOldBasis IS NULL
            UNION ALL SELECT EYChildId, 'TWO_YEAR_OLD' FROM EY_FUNDING WHERE {Terms} AND TwoYearOldBasis IS NOT NULL
            UNION ALL SELECT EYChildId, 'EXTENDED' FROM EY_FUNDING WHERE {Terms} AND ExtendedHours > 0
            UNION ALL SELECT EYChildId, 'EXPANDED' FROM EY_FUNDING WHERE {Terms} AND ExpandedHours > 0
            """)
        { Values = [.. Entitlements] },
        new("early_years_pupil_premium", "funding", "Attracted the early years pupil premium in a term that starts in the period.",
            CohortFactKind.Condition, CohortWindowKind.During,
            $"SELECT EYChildId AS local_id FROM EY_FUNDING WHERE {Terms} AND EYPPR = 'Y'"),
        new("eyfsp_assessed", "development", "Assessed in the EYFS profile (value: the assessment year, 2025/26...).",
            CohortFactKind.Condition, CohortWindowKind.None,
            "SELECT EYChildId AS local_id, AssessmentYear AS value FROM EYFSP")
        { ValuesSql = "SELECT AssessmentYear AS value FROM EYFSP" },
        new("good_level_of_development", "development", "Reached a good level of development in the EYFS profile: the expected level in all twelve GLD goals (value: the assessment year).",
            CohortFactKind.Condition, CohortWindowKind.None,
            $"SELECT EYChildId AS local_id, AssessmentYear AS value FROM EYFSP WHERE {EarlyLearningGoals.GoodLevelOfDevelopmentSql} = 1")
        { ValuesSql = "SELECT AssessmentYear AS value FROM EYFSP" },
        CommonCohortFacts.VoiceRecorded("EY_VOICE", "EYChildId", "RecordedOn"),
    ],
        "SELECT EYChildId AS local_id, Code AS code, DataCategory AS data_category, WithheldFromPurposes AS withheld_purposes, WithheldFromAgencies AS withheld_agencies FROM EY_DATA_PREFERENCE");
}
