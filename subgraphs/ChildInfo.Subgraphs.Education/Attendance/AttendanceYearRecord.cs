namespace ChildInfo.Subgraphs.Education.Attendance;

/// <summary>A pupil's attendance over the terms held for one academic year, totalled by the query.</summary>
public sealed class AttendanceYearRecord
{
    public required string Upn { get; init; }
    public required string AcademicYear { get; init; }
    public int Terms { get; init; }
    public int SessionsPossible { get; init; }
    public int SessionsAuthorisedAbsence { get; init; }
    public int SessionsUnauthorisedAbsence { get; init; }

    /// <summary>1 when absence is at least 10% of possible sessions.</summary>
    public int PersistentAbsence { get; init; }
}
