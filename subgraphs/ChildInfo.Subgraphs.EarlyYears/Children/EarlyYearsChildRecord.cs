namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>A row of EY_CHILD: the early years system's record of a child.</summary>
public sealed class EarlyYearsChildRecord
{
    public required string EyChildId { get; init; }
    public string? NhsNumber { get; init; }
    public required string Surname { get; init; }
    public required string Forename { get; init; }
    public string? MiddleNames { get; init; }
    public required string Sex { get; init; }
    public DateTime Dob { get; init; }
    public string? Ethnicity { get; init; }
    public string? Language { get; init; }
    public string? Postcode { get; init; }
}
