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

    /// <summary>NHS_NUMBER, UPN, DEMOGRAPHIC (probabilistic), CLERICAL (reviewed by a person) or SOLE_RECORD (linked to no other record).</summary>
    public string MatchMethod { get; init; } = "";

    public decimal MatchConfidence { get; init; }
    public DateTime LinkedOn { get; init; }

    /// <summary>The linkage job's match weight (log2 odds); null for a link it did not score.</summary>
    public decimal? MatchWeight { get; init; }

    /// <summary>The linkage job's comparison of each field, as JSON (<c>[{ field, comparison, weight }]</c>); null for a link it did not score.</summary>
    public string? MatchEvidence { get; init; }
}
