namespace ChildInfo.Federation.Planning;

/// <summary>Runs its nodes one after another; each may use what the previous ones fetched.</summary>
public sealed record SequenceStep(IReadOnlyList<PlanNode> Nodes) : PlanNode;
