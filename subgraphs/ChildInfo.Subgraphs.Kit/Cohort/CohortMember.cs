namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>One agency record that satisfies a fact: its key, and its group or measure when the fact gives one.</summary>
public sealed record CohortMember(string LocalId, string? Group, double? Measure);
