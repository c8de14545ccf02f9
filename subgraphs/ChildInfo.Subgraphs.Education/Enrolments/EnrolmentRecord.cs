namespace ChildInfo.Subgraphs.Education.Enrolments;

/// <summary>A row of PUPIL_ENROLMENT: one spell on a school's roll.</summary>
public sealed class EnrolmentRecord
{
    public required string EnrolmentId { get; init; }
    public required string Upn { get; init; }
    public int Urn { get; init; }
    public DateTime EntryDate { get; init; }
    public DateTime? LeavingDate { get; init; }
    public required string EnrolStatus { get; init; }
}
