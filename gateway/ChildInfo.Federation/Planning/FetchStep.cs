using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>One request to one subgraph.</summary>
/// <param name="ServiceName">The subgraph's name.</param>
/// <param name="Operation">Query or mutation.</param>
/// <param name="OperationText">The GraphQL document sent to the subgraph.</param>
/// <param name="VariableNames">The client's variables the document uses (forwarded when the client sent them).</param>
/// <param name="SelectionText">The selection, printed for the plan's canonical text.</param>
/// <param name="Entity">Set for an <c>_entities</c> fetch.</param>
public sealed record FetchStep(
    int Id,
    string ServiceName,
    OperationType Operation,
    string OperationText,
    IReadOnlyList<string> VariableNames,
    string SelectionText,
    EntityFetchInfo? Entity) : PlanNode
{
    public bool IsEntityFetch => Entity is not null;

    /// <summary>The root fields a root fetch fills, by response key (empty for an entity fetch): where its failure is reported.</summary>
    internal IReadOnlyList<string> RootKeys { get; init; } = [];

    /// <summary>The objects a record guard checks once this fetch has answered (empty without a guard).</summary>
    internal IReadOnlyList<RecordGuardPoint> Guards { get; init; } = [];
}
