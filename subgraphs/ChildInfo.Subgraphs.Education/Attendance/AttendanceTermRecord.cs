namespace ChildInfo.Subgraphs.Education.Attendance;

/// <summary>A row of PUPIL_ATTENDANCE with persistent absence worked out by the query.</summary>
public sealed class AttendanceTermRecord
{
    public required string Upn { get; init; }
    public required string AcademicYear { get; init; }
    public required string Term { get; init; }
    public DateTime TermStart { get; init; }
    public int Urn { get; init; }
    public int SessionsPossible { get; init; }
    public int SessionsPresent { get; init; }
    public int SessionsApprovedActivity { get; init; }
    public int SessionsAuthorisedAbsence { get; init; }
    public int SessionsUnauthorisedAbsence { get; init; }

    /// <summary>1 when absence is at least 10% of possible sessions.</summary>
    public int PersistentAbsence { get; init; }
}
