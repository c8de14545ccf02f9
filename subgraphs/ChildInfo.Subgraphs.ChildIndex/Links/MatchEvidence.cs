namespace ChildInfo.Subgraphs.ChildIndex.Links;

/// <summary>How one identifying field compared in the pair that linked a record (as the linkage job stores it).</summary>
/// <param name="Field">The field, for example <c>dateOfBirth</c>.</param>
/// <param name="Comparison">What was found, in words, for example "day and month swapped"; "missing" when either record lacks it.</param>
/// <param name="Weight">What it added to the match weight (log2).</param>
public sealed record MatchEvidence(string Field, string Comparison, double Weight);
