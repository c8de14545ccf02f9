namespace ChildInfo.Analytics.Questions;

/// <summary>Children satisfying at least one condition (union).</summary>
public sealed record AnyCondition(IReadOnlyList<CohortCondition> Conditions) : CohortCondition;
