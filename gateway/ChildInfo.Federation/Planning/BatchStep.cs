namespace ChildInfo.Federation.Planning;

/// <summary>
/// Entity fetches to one subgraph at several paths of the same planning level, sent as one call: one operation with an
/// aliased <c>_entities</c> selection per part (<see cref="EntityFetchInfo.ResponseName"/>), each with its own
/// representations variable, so every part keeps exactly the selection it would have had alone.
/// </summary>
/// <param name="Call">What is sent: the subgraph, the whole operation and the client's variables it uses.</param>
/// <param name="Parts">The fetches it carries, each with its path, representations and selection.</param>
public sealed record BatchStep(FetchStep Call, IReadOnlyList<FlattenStep> Parts) : PlanNode;
