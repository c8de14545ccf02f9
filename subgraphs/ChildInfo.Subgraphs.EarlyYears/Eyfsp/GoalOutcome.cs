namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

/// <summary>One goal of a child's profile and the level reached (1 emerging, 2 expected).</summary>
public sealed record GoalOutcome(EarlyLearningGoal Goal, int Level);
