namespace ChildInfo.Federation.Planning;

/// <summary>Runs its nodes at the same time; none depends on another.</summary>
public sealed record ParallelStep(IReadOnlyList<PlanNode> Nodes) : PlanNode;
