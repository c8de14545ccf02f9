namespace ChildInfo.SampleData.Population;

/// <summary>A spell on a school's roll (a school move gives two).</summary>
public sealed record Enrolment(int SchoolUrn, DateOnly EntryDate, DateOnly? LeavingDate, string EnrolStatus);
