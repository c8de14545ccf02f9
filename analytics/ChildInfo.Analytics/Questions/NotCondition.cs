namespace ChildInfo.Analytics.Questions;

/// <summary>Children in the population as at the question's date who do not satisfy the condition.</summary>
public sealed record NotCondition(CohortCondition Condition) : CohortCondition;
