namespace ChildInfo.Subgraphs.EarlyYears.Funding;

/// <summary>A row of EY_FUNDING: one term's funded entitlement at one setting.</summary>
public sealed class FundingRecord
{
    public required string EyChildId { get; init; }
    public required string AcademicYear { get; init; }
    public required string Term { get; init; }
    public DateTime TermStart { get; init; }
    public int Urn { get; init; }
    public decimal FundedHours { get; init; }
    public decimal ExtendedHours { get; init; }
    public decimal ExpandedHours { get; init; }
    public string? EligibilityCode { get; init; }
    public string? TwoYearOldBasis { get; init; }
    public required string Eyppr { get; init; }
    public required string DafIndicator { get; init; }
}
