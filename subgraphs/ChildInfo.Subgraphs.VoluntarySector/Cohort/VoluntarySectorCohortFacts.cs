using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.VoluntarySector.Cohort;

/// <summary>
/// What the voluntary sector counts by: engagement with a service in the period, the outcome measures it records
/// (the latest in the period) and the child's voice. The record key is <c>ParticipantID</c>, as the child index links it.
/// </summary>
public static class VoluntarySectorCohortFacts
{
    private static string Latest(string table, string id, string measure) => $"""
        SELECT s.ParticipantID AS local_id, {measure} AS measure FROM {table} s
        WHERE s.{id} = (SELECT MAX(t.{id}) FROM {table} t WHERE t.ParticipantID = s.ParticipantID AND t.CompletedDate =
            (SELECT MAX(u.CompletedDate) FROM {table} u WHERE u.ParticipantID = s.ParticipantID AND u.CompletedDate >= @from AND u.CompletedDate <= @to))
        """;

    public static CohortCatalogue Catalogue { get; } = new(
    [
        new("engaged", "engagement", "Engaged with a voluntary sector service at some time in the period (value: the service).",
            CohortFactKind.Condition, CohortWindowKind.During,
            "SELECT e.ParticipantID AS local_id, e.ServiceCode AS value FROM tblEngagement e WHERE e.StartDate <= @to AND (e.EndDate IS NULL OR e.EndDate >= @from)")
        { ValuesSql = "SELECT ServiceCode AS value FROM tblOrgService" },
        new("sdq_total", "outcome", "Total difficulties score (0-40) of the latest Strengths and Difficulties Questionnaire completed in the period.",
            CohortFactKind.Measure, CohortWindowKind.During,
            Latest("tblSDQ", "SDQID", "s.Emotional + s.Conduct + s.Hyperactivity + s.PeerProblems")),
        new("wemwbs_total", "outcome", "Warwick-Edinburgh Mental Wellbeing Scale total (14-70) of the latest one completed in the period.",
            CohortFactKind.Measure, CohortWindowKind.During,
            Latest("tblWEMWBS", "WEMWBSID", "s.TotalScore")),
        CommonCohortFacts.VoiceRecorded("tblVoice", "ParticipantID", "RecordedDate"),
    ],
        "SELECT ParticipantID AS local_id, PreferenceCode AS code, DataCategory AS data_category, WithheldPurposes AS withheld_purposes, WithheldAgencies AS withheld_agencies FROM tblDataUsePreference");
}
