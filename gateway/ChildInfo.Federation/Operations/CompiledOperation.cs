using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>A parsed, measured and validated operation: what the plan cache keeps per document.</summary>
internal sealed class CompiledOperation
{
    public CompiledOperation(OperationDocument source, IReadOnlyList<string> conditionVariables)
    {
        Source = source;
        ConditionVariables = conditionVariables;
        Variables = ScalarVariables.For(source.Operation);
    }

    /// <summary>The parse every later step shares.</summary>
    public OperationDocument Source { get; }

    public GraphQLDocument Document => Source.Document;

    public GraphQLOperationDefinition Operation => Source.Operation;

    /// <summary>Accepts plainly valid values of built-in scalar variables without GraphQL.NET's check.</summary>
    public ScalarVariables Variables { get; }

    /// <summary>Variables used by <c>@include</c>/<c>@skip</c>: their values select the plan.</summary>
    public IReadOnlyList<string> ConditionVariables { get; }

    /// <summary>
    /// Most plans kept per operation. Each combination of <c>@include</c>/<c>@skip</c> values is its own plan, and a
    /// client chooses the values: up to 2^64 of them for one cached text. Past this many, a new combination is planned
    /// for its request and not kept.
    /// </summary>
    public const int MaxPlans = 16;

    /// <summary>Plans by the values of <see cref="ConditionVariables"/> (one bit each), at most about <see cref="MaxPlans"/>.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ulong, Planning.QueryPlan> Plans { get; } = new();

    /// <summary>Keeps <paramref name="plan"/> for <paramref name="key"/> while fewer than <see cref="MaxPlans"/> are kept.</summary>
    public void Keep(ulong key, Planning.QueryPlan plan)
    {
        if (Plans.Count < MaxPlans)
        {
            Plans.TryAdd(key, plan);
        }
    }
}
