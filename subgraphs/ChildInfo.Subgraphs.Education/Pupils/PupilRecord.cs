namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>A row of PUPIL: the pupil as the school census holds them.</summary>
public sealed class PupilRecord
{
    public required string Upn { get; init; }
    public string? FormerUpn { get; init; }
    public required string Surname { get; init; }
    public required string Forename { get; init; }
    public string? MiddleNames { get; init; }
    public string? PreferredSurname { get; init; }
    public string? FormerSurname { get; init; }
    public required string Sex { get; init; }
    public DateTime Dob { get; init; }
    public string? Ethnicity { get; init; }
    public string? Language { get; init; }
    public required string FsmEligible { get; init; }
    public required string EverFsm6 { get; init; }
    public string? NcYearActual { get; init; }
    public required string ServiceChild { get; init; }
    public required string SenProvision { get; init; }
    public string? Postcode { get; init; }
}
