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
        Variables = ScalarVariables.For(operation);
    }

    public GraphQLDocument Document { get; }

    public GraphQLOperationDefinition Operation { get; }

    /// <summary>Accepts plainly valid values of built-in scalar variables without GraphQL.NET's check.</summary>
    public ScalarVariables Variables { get; }

    /// <summary>Variables used by <c>@include</c>/<c>@skip</c>: their values select the plan.</summary>
    public IReadOnlyList<string> ConditionVariables { get; }

    /// <summary>Plans by the values of <see cref="ConditionVariables"/> (one bit each).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ulong, Planning.QueryPlan> Plans { get; } = new();
}
