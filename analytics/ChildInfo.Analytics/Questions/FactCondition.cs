namespace ChildInfo.Analytics.Questions;

/// <summary>Children linked to a record of the agency that satisfies the fact (with the value, if given) in the window.</summary>
public sealed record FactCondition(string Agency, string Fact, string? Value, CohortWindow Window) : CohortCondition;
