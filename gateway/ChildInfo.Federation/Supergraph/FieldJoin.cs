namespace ChildInfo.Federation.Supergraph;

/// <summary>How one subgraph defines a field (<c>@join__field</c>).</summary>
public sealed record FieldJoin(
    string Graph,
    IReadOnlyList<FieldSetNode>? Requires,
    string? RequiresText,
    IReadOnlyList<FieldSetNode>? Provides,
    string? ProvidesText,
    string? TypeInGraph,
    bool External,
    string? OverrideFrom,
    bool UsedOverridden);
