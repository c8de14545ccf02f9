namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

/// <summary>One early learning goal: its return code, area and name, and whether it counts towards GLD.</summary>
public sealed record EarlyLearningGoal(string Code, string Area, string Description, bool CountsTowardsGld);
