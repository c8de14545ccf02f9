namespace ChildInfo.Subgraphs.Education.Exclusions;

/// <summary>A row of PUPIL_EXCLUSION: a suspension or a permanent exclusion.</summary>
public sealed class ExclusionRecord
{
    public required string ExclusionId { get; init; }
    public required string Upn { get; init; }
    public int Urn { get; init; }
    public DateTime StartDate { get; init; }
    public required string Category { get; init; }
    public int Sessions { get; init; }
    public required string Reason1 { get; init; }
    public string? Reason2 { get; init; }
    public string? Reason3 { get; init; }
}
