namespace ChildInfo.Subgraphs.Education.Attendance;

/// <summary>A row of PUPIL_ATTENDANCE_CODE: sessions recorded under one code in a term.</summary>
public sealed class AttendanceCodeRecord
{
    public required string Upn { get; init; }
    public required string AcademicYear { get; init; }
    public required string Term { get; init; }
    public required string AttendanceCode { get; init; }
    public int Sessions { get; init; }

    /// <summary>The term this row belongs to, as the loader groups it.</summary>
    public string TermKey => AttendanceRepository.TermKey(Upn, AcademicYear, Term);
}
