using ChildInfo.Federation.Access;
using ChildInfo.Federation.Execution;
using ChildInfo.Federation.Operations;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>An immutable plan for one operation: the fetches to run and the response shape to build.</summary>
public sealed class QueryPlan
{
    private string? _text;

    internal QueryPlan(OperationType operation, PlanNode? root, ScheduledStep[] schedule, OperationShape shape, bool hasIntrospection)
    {
        Operation = operation;
        Root = root;
        Schedule = schedule;
        Shape = shape;
        HasIntrospection = hasIntrospection;
        ResponseKeys = KeysOf(shape, out var aliases);
        FetchAliases = aliases;
    }

    public OperationType Operation { get; }

    /// <summary>The fetches, or null when nothing needs fetching (only <c>__typename</c> or introspection).</summary>
    public PlanNode? Root { get; }

    /// <summary>True when the operation asks for <c>__schema</c> or <c>__type</c>, answered by the gateway itself.</summary>
    public bool HasIntrospection { get; }

    internal OperationShape Shape { get; }

    /// <summary>Every response key of the shape, as the shape's own strings: what merging names subgraph fields by.</summary>
    internal ResultNames ResponseKeys { get; }

    /// <summary>
    /// The client's response key for each alias the planner fetched a client field under (where fields of several types
    /// could not share one subgraph selection); null when it used none. Subgraph errors' paths are mapped back with it.
    /// </summary>
    internal IReadOnlyDictionary<string, string>? FetchAliases { get; }

    /// <summary>The field coordinates the plan serves and the decisions of those a policy withheld.</summary>
    public FieldSelection Fields => Shape.Fields;

    /// <summary>The fetches of <see cref="Root"/> in dependency order, each with the fetches it waits for.</summary>
    internal ScheduledStep[] Schedule { get; }

    /// <summary>The plan's canonical text.</summary>
    public string Text => _text ??= PlanPrinter.Print(this);

    public override string ToString() => Text;

    private static ResultNames KeysOf(OperationShape shape, out Dictionary<string, string>? aliases)
    {
        aliases = null;
        var keys = new ResultNames();
        keys.Add("__typename");
        var seen = new HashSet<ShapeField[]>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ShapeField[]>();
        pending.Push(shape.RootFields);
        while (pending.TryPop(out var fields))
        {
            if (!seen.Add(fields))
            {
                continue;
            }

            foreach (var field in fields)
            {
                keys.Add(field.ResponseKey);
                if (!ReferenceEquals(field.FetchKey, field.ResponseKey))
                {
                    keys.Add(field.FetchKey);
                    (aliases ??= new Dictionary<string, string>(StringComparer.Ordinal))[field.FetchKey] = field.ResponseKey;
                }
                foreach (var sub in field.SubByType?.Values ?? [])
                {
                    pending.Push(sub);
                }
            }
        }

        return keys;
    }
}
