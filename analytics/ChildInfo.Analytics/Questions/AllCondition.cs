namespace ChildInfo.Analytics.Questions;

/// <summary>Children satisfying every condition (intersection).</summary>
public sealed record AllCondition(IReadOnlyList<CohortCondition> Conditions) : CohortCondition;
