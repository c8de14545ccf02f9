namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>
/// A dimension the child index counts children by (as at a day): its name, the label of the data it reads, what it
/// means, its fixed groups (empty when they come from the geography lookup), the column it reads (<c>c.</c> the child,
/// <c>g.</c> the postcode's geography; null for the date of birth, which is always read) and how a child's group is
/// worked out.
/// </summary>
public sealed record IndexDimension(string Name, string Label, string Description, IReadOnlyList<string> Values, string? Column, Func<PopulationRow, DateOnly, string> GroupOf)
{
    /// <summary>The column of <c>ci_postcode_geography</c> whose names are the groups; null for fixed groups.</summary>
    public string? GeographyColumn { get; init; }
}
