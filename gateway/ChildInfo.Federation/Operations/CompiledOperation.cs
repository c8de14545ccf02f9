using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>A parsed and validated operation: what the plan cache keeps per document.</summary>
internal sealed class CompiledOperation
{
    public CompiledOperation(GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyList<string> conditionVariables)
    {
        Document = document;
        Operation = operation;
        ConditionVariables = conditionVariables;
    }

    public GraphQLDocument Document { get; }

    public GraphQLOperationDefinition Operation { get; }

    /// <summary>Variables used by <c>@include</c>/<c>@skip</c>: their values select the plan.</summary>
    public IReadOnlyList<string> ConditionVariables { get; }

    /// <summary>Plans by the values of <see cref="ConditionVariables"/> (one bit each).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ulong, Planning.QueryPlan> Plans { get; } = new();
}
