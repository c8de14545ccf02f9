namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>One child of the population and their groups, in the order the dimensions were asked.</summary>
public sealed record CohortChild(string ChildId, IReadOnlyList<string> Values);
