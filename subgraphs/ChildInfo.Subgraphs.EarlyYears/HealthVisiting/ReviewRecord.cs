namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

/// <summary>A row of HV_REVIEW: one mandated health visiting review, with ASQ-3 at the two-year review.</summary>
public sealed class ReviewRecord
{
    public required string ReviewId { get; init; }
    public required string EyChildId { get; init; }
    public required string ReviewType { get; init; }
    public DateTime ReviewDate { get; init; }
    public required string Practitioner { get; init; }
    public required string Venue { get; init; }
    public int? Asq3Months { get; init; }
    public int? ComScore { get; init; }
    public string? ComZone { get; init; }
    public int? GmScore { get; init; }
    public string? GmZone { get; init; }
    public int? FmScore { get; init; }
    public string? FmZone { get; init; }
    public int? PsScore { get; init; }
    public string? PsZone { get; init; }
    public int? PseScore { get; init; }
    public string? PseZone { get; init; }

    /// <summary>1 when all five ASQ-3 domains are at or above the cut-off (indicator C6viii); worked out by the query.</summary>
    public int AllDomainsAtOrAboveExpected { get; init; }
}
