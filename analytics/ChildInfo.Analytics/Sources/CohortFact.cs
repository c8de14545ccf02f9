namespace ChildInfo.Analytics.Sources;

/// <summary>
/// One fact an agency can count by (or one dimension of the child index). <see cref="Label"/> is the policy label of
/// the data it reads; the host signs <c>count:</c> with it. <see cref="Values"/> are the value filters of a condition
/// or the groups of a dimension, in the agency's order; empty when there are none.
/// </summary>
public sealed record CohortFact(string Name, string Label, string Description, CohortFactKind Kind, CohortWindowKind Window, IReadOnlyList<string> Values);
