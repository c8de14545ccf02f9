using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>The state of planning one operation: the fetches built so far and the work done.</summary>
internal sealed partial class PlanContext
{
    private readonly SupergraphSchema _schema;
    private readonly int _maxWork;
    private readonly Dictionary<string, FetchBuilder> _rootFetches = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Parent, string Path, string Graph, string Type, int Variant), FetchBuilder> _entityFetches = [];

    // Entity fetches whose requirements are being planned: a requirement met by the same subgraph needs a call of its own.
    private readonly HashSet<FetchBuilder> _awaiting = [];
    private readonly int _maxHops;
    private int _work;

    public PlanContext(SupergraphSchema schema, int maxWork, GraphQLOperationDefinition operation, IRecordGuard? guard = null)
    {
        Guard = guard;
        _schema = schema;
        _maxWork = maxWork;
        _maxHops = schema.Subgraphs.Count + 1;
        Operation = operation;
    }

    public GraphQLOperationDefinition Operation { get; }

    /// <summary>The record guard whose fields are fetched with the objects it checks; null for none.</summary>
    public IRecordGuard? Guard { get; }

    public List<FetchBuilder> Fetches { get; } = [];

    public SupergraphSchema Schema => _schema;

    public bool HasRootFetch(string graph) => _rootFetches.ContainsKey(graph);

    public FetchBuilder RootFetchFor(string graph)
    {
        if (!_rootFetches.TryGetValue(graph, out var fetch))
        {
            fetch = NewRootFetch(graph);
            _rootFetches[graph] = fetch;
        }

        return fetch;
    }

    public FetchBuilder NewRootFetch(string graph)
    {
        var fetch = new FetchBuilder(Fetches.Count, graph, null, [], null, null, null);
        Fetches.Add(fetch);
        return fetch;
    }

    /// <summary>
    /// Plans one query root field from <paramref name="graph"/> alone, apart from this plan: the fetches it would add
    /// (root fetches to subgraphs this plan already asks are free), or the reason it cannot be planned from there.
    /// Its work counts against this plan's bound.
    /// </summary>
    public int TrialCost(string graph, string rootType, ShapeField field, ShapeField[] rootFields, out PlanningException? failure)
    {
        var trial = new PlanContext(_schema, _maxWork - _work, Operation, Guard) { IsTrial = true };
        failure = null;
        var cost = 0;
        try
        {
            var fetch = trial.RootFetchFor(graph);
            trial.PlanResolvedField(fetch, fetch.Selection, rootType, [], field, null, ValuePath.At(new ValueAnchor(null, null, rootType, [], null, rootFields)));
            foreach (var planned in trial.Fetches)
            {
                cost += planned.IsEntity || !HasRootFetch(planned.Graph) ? 1 : 0;
            }
        }
        catch (PlanningException ex) when (ex.Code == ErrorCodes.PlanningFailed)
        {
            failure = ex;
            cost = int.MaxValue;
        }

        // A trial over its share of the bound has thrown PlanningLimitExceeded already.
        _work += trial._work;
        return cost;
    }

    /// <summary>True while trying a subgraph for a root field: nothing is recorded on the shared operation shape.</summary>
    private bool IsTrial { get; init; }

    private void Tick()
    {
        if (++_work > _maxWork)
        {
            throw new PlanningException(ErrorCodes.PlanningLimitExceeded, $"Planning the operation needed more than {_maxWork} steps.");
        }
    }

    /// <summary>Whether <paramref name="graph"/> can resolve <c>typeName.fieldName</c> where it stands.</summary>
    public bool CanResolve(string graph, string typeName, string fieldName, IReadOnlyList<FieldSetNode>? provided, bool allowRequires)
    {
        Tick();
        if (fieldName == "__typename")
        {
            return true;
        }

        if (IsProvided(provided, typeName, fieldName))
        {
            return true;
        }

        var type = _schema.GetType(typeName);
        if (!type.Joins.ContainsKey(graph))
        {
            return false;
        }

        var field = type.Field(fieldName);
        if (field is null)
        {
            return false;
        }

        if (!field.HasJoinField)
        {
            return true;
        }

        var join = field.JoinFor(graph);
        return join is { External: false, UsedOverridden: false } && (allowRequires || join.Requires is null);
    }

    /// <summary>How many fields of a field's sub-selection <paramref name="graph"/> resolves itself (a tie-breaker).</summary>
    public int Score(string graph, ShapeField field, int depth)
    {
        if (field.SubByType is null || depth == 0)
        {
            return 0;
        }

        var score = 0;
        var shared = field.SubByType.Count > 1 ? SharedPossibleTypes(graph, field) : null;
        foreach (var (typeName, fields) in field.SubByType)
        {
            if (shared is not null && !shared.Contains(typeName))
            {
                // A member this shared field never returns from any subgraph: nothing of it is fetched anywhere.
                continue;
            }

            foreach (var sub in fields)
            {
                if (!sub.NotFetched && CanResolve(graph, typeName, sub.FieldName, null, allowRequires: false))
                {
                    score += 1 + Score(graph, sub, depth - 1);
                }
            }
        }

        return score;
    }

    private bool CanResolveSet(string graph, string typeName, IReadOnlyList<FieldSetNode> set, IReadOnlyList<FieldSetNode>? provided)
    {
        foreach (var node in set)
        {
            if (node.IsFragment)
            {
                if (_schema.Matches(typeName, node.TypeCondition!) && !CanResolveSet(graph, typeName, node.Children, provided))
                {
                    return false;
                }

                continue;
            }

            if (!CanResolve(graph, typeName, node.FieldName!, provided, allowRequires: false))
            {
                return false;
            }

            if (node.Children.Count > 0)
            {
                var childType = _schema.GetType(typeName).Field(node.FieldName!)!.Type.NamedType;
                var childProvided = ChildProvided(provided, typeName, node.FieldName!, null);
                foreach (var possible in _schema.PossibleTypes(childType))
                {
                    if (!CanResolveSet(graph, possible, node.Children, childProvided))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private bool IsProvided(IReadOnlyList<FieldSetNode>? provided, string typeName, string fieldName)
    {
        if (provided is null)
        {
            return false;
        }

        foreach (var node in provided)
        {
            if (node.IsFragment)
            {
                if (_schema.Matches(typeName, node.TypeCondition!) && IsProvided(node.Children, typeName, fieldName))
                {
                    return true;
                }
            }
            else if (node.FieldName == fieldName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The provided sub-selection under a field, combined with the field's own <c>@provides</c> in the graph.</summary>
    private List<FieldSetNode>? ChildProvided(IReadOnlyList<FieldSetNode>? provided, string typeName, string fieldName, string? graph)
    {
        List<FieldSetNode>? result = null;
        if (provided is not null)
        {
            foreach (var node in provided)
            {
                if (node.IsFragment)
                {
                    if (_schema.Matches(typeName, node.TypeCondition!))
                    {
                        var inner = ChildProvided(node.Children, typeName, fieldName, null);
                        if (inner is not null)
                        {
                            (result ??= []).AddRange(inner);
                        }
                    }
                }
                else if (node.FieldName == fieldName)
                {
                    (result ??= []).AddRange(node.Children);
                }
            }
        }

        if (graph is not null)
        {
            var join = _schema.GetType(typeName).Field(fieldName)?.JoinFor(graph);
            if (join?.Provides is not null)
            {
                (result ??= []).AddRange(join.Provides);
            }
        }

        return result;
    }

    private static string[] ChildPath(string[] path, string responseKey, int listDepth)
    {
        var result = new string[path.Length + 1 + listDepth];
        path.CopyTo(result, 0);
        result[path.Length] = responseKey;
        for (var i = 0; i < listDepth; i++)
        {
            result[path.Length + 1 + i] = "@";
        }

        return result;
    }

    private static int ListDepth(TypeRef type)
    {
        var depth = 0;
        for (var t = type; t.Kind != TypeRefKind.Named; t = t.OfType!)
        {
            if (t.Kind == TypeRefKind.List)
            {
                depth++;
            }
        }

        return depth;
    }

    /// <summary>
    /// The named type of <c>typeName.fieldName</c> in <paramref name="graph"/>: the supergraph's, unless
    /// <c>@join__field(type:)</c> records a narrower one there.
    /// </summary>
    private string NamedTypeIn(string graph, string typeName, string fieldName, TypeRef supergraphType) =>
        _schema.SubgraphSchema(graph).FieldType(typeName, fieldName)?.NamedType ?? supergraphType.NamedType;
}
