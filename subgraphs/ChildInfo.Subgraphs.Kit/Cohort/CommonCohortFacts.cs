namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>Facts every agency declares the same way over its own tables.</summary>
public static class CommonCohortFacts
{
    /// <summary>The fact name of <see cref="VoiceRecorded"/>, the same in every agency.</summary>
    public const string VoiceRecordedName = "voice_recorded";

    /// <summary>
    /// <c>voice_recorded</c>: the child's own words were recorded at least once in the period. <paramref name="from"/>
    /// is the table (or join) holding the agency's voice records, <paramref name="localId"/> the expression of the
    /// record key the child index links, <paramref name="recordedOn"/> the date column.
    /// </summary>
    public static CohortFactDefinition VoiceRecorded(string from, string localId, string recordedOn) => new(
        VoiceRecordedName, "voice", "The child's own words (wishes and feelings) were recorded at least once in the period.",
        CohortFactKind.Condition, CohortWindowKind.During,
        $"SELECT {localId} AS local_id FROM {from} WHERE {recordedOn} >= @from AND {recordedOn} <= @to");
}
