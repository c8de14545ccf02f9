namespace ChildInfo.Subgraphs.ChildIndex.Links;

/// <summary>A row of <c>ci_record_link</c>: one agency record that belongs to a child.</summary>
public sealed record RecordLink
{
    public string LinkId { get; init; } = "";
    public string ChildId { get; init; } = "";

    /// <summary>Agency (subgraph) name: education, early-years, social-care, voluntary-sector.</summary>
    public string SourceSystem { get; init; } = "";

    /// <summary>The agency's own identifier for its record (UPN, EY child ref, LA child ID, participant id).</summary>
    public string LocalId { get; init; } = "";

    /// <summary>NHS_NUMBER, UPN, DEMOGRAPHIC (probabilistic) or CLERICAL (reviewed by a person).</summary>
    public string MatchMethod { get; init; } = "";

    public decimal MatchConfidence { get; init; }
    public DateTime LinkedOn { get; init; }
}
