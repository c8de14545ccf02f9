namespace ChildInfo.Policies.Model;

/// <summary>A declared purpose of access and its legal basis.</summary>
/// <param name="MayOverridePreferences">
/// Whether a rule under this purpose may set a child's or family's data-use preferences aside
/// (in the sample set only <c>child_protection</c>, under DPA 2018 Schedule 1 paragraph 18).
/// </param>
public sealed record Purpose(
    string Id,
    string Description,
    string LegalBasis,
    bool JustificationRequired,
    bool AggregateOnly,
    bool MayOverridePreferences,
    SourceLocation Location)
{
    /// <summary>
    /// Whether the purpose is building the child index (<c>record_linkage</c>): its rules read the identifying fields of
    /// the agencies they name in <see cref="PolicyRule.Identify"/> for matching, and nothing else: no row-level label,
    /// no link, no recording, no count.
    /// </summary>
    public bool LinkageOnly { get; init; }
}
