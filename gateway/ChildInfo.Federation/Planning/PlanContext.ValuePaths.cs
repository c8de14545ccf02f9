using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Fields of value types that the fetching subgraph cannot resolve and no <c>_entities</c> call reaches directly: they
/// are asked of another subgraph along the same path from the nearest anchor (<see cref="ValuePath"/>). At the query
/// root that is a root fetch of a <c>@shareable</c> root field from each subgraph owning part of the selection, run in
/// parallel and merged; under an entity it is the "parent entity call", an <c>_entities</c> fetch on the parent
/// entity that selects the path there.
/// </summary>
internal sealed partial class PlanContext
{
    /// <summary>
    /// Places fields the fetch cannot resolve, or resolves none of the selection under: each round asks the subgraph
    /// reachable from the anchor that resolves most of them more fully than this one; what no subgraph does better
    /// stays here, and what cannot be resolved anywhere fails planning for the whole operation.
    /// </summary>
    private void PlanFromAnchor(
        FetchBuilder fetch,
        SelectionBuilder target,
        string typeName,
        string[] path,
        List<ShapeField> fields,
        IReadOnlyList<FieldSetNode>? provided,
        ValuePath at,
        IReadOnlyList<ShapeField> clientFields)
    {
        var steps = at.Steps();
        var local = new int[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            local[i] = FieldScore(fetch.Graph, typeName, fields[i], provided);
        }

        var placed = new bool[fields.Count];
        var left = fields.Count;
        while (left > 0)
        {
            string? best = null;
            IReadOnlyList<FieldSetNode>? bestProvided = null;
            var bestScore = 0;
            foreach (var subgraph in _schema.Subgraphs)
            {
                if (subgraph.Name == fetch.Graph || !Reaches(subgraph.Name, at.Anchor, steps, out var endProvided))
                {
                    continue;
                }

                var score = 0;
                for (var i = 0; i < fields.Count; i++)
                {
                    var there = placed[i] ? 0 : FieldScore(subgraph.Name, typeName, fields[i], endProvided);
                    score += there > local[i] ? there : 0;
                }

                if (score > bestScore)
                {
                    (best, bestScore, bestProvided) = (subgraph.Name, score, endProvided);
                }
            }

            if (best is null)
            {
                break;
            }

            var group = new List<ShapeField>();
            for (var i = 0; i < fields.Count; i++)
            {
                if (!placed[i] && FieldScore(best, typeName, fields[i], bestProvided) > local[i])
                {
                    placed[i] = true;
                    left--;
                    group.Add(fields[i]);
                }
            }

            PlanAlong(best, at.Anchor, steps, typeName, group, clientFields);
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (placed[i])
            {
                continue;
            }

            if (local[i] == 0)
            {
                // Not a field to leave out quietly: the client asked for it, and no subgraph can be reached for it here.
                throw new PlanningException(
                    $"Cannot plan '{typeName}.{fields[i].FieldName}': no subgraph can resolve it at '{string.Join('.', path)}'.");
            }

            PlanResolvedField(fetch, target, typeName, path, fields[i], provided, at);
        }
    }

    /// <summary>0 when <paramref name="graph"/> cannot resolve the field there, else 1 plus the sub-fields it resolves too.</summary>
    private int FieldScore(string graph, string typeName, ShapeField field, IReadOnlyList<FieldSetNode>? provided) =>
        CanResolve(graph, typeName, field.FieldName, provided, allowRequires: false) ? 1 + Score(graph, field, 3) : 0;

    /// <summary>Whether <paramref name="graph"/> can be asked for the anchor and resolves every step of the path from it.</summary>
    private bool Reaches(string graph, ValueAnchor anchor, List<ValuePath> steps, out IReadOnlyList<FieldSetNode>? provided)
    {
        provided = null;
        if (anchor.IsRoot)
        {
            // Asking a root field twice is harmless for a query, never for a mutation.
            if (Operation.Operation != OperationType.Query || !_schema.GetType(anchor.TypeName).Joins.ContainsKey(graph))
            {
                return false;
            }
        }
        else if (!_schema.GetType(anchor.TypeName).Joins.TryGetValue(graph, out var join) || !HasResolvableKey(join))
        {
            return false;
        }

        var parentType = anchor.TypeName;
        var subgraph = _schema.SubgraphSchema(graph);
        foreach (var step in steps)
        {
            var field = step.Field!;
            if (!CanResolve(graph, parentType, field.FieldName, provided, allowRequires: false))
            {
                return false;
            }

            var named = NamedTypeIn(graph, parentType, field.FieldName, field.Type);
            var typeThere = subgraph.FindType(named);
            if (typeThere is null
                || (typeThere.IsAbstract ? !subgraph.PossibleTypes(named).Contains(step.TypeName) : named != step.TypeName))
            {
                return false;
            }

            provided = ChildProvided(provided, parentType, field.FieldName, graph);
            parentType = step.TypeName;
        }

        return true;
    }

    /// <summary>Asks <paramref name="graph"/> for the anchor, selects the path there and plans the fields at its end.</summary>
    private void PlanAlong(string graph, ValueAnchor anchor, List<ValuePath> steps, string typeName, List<ShapeField> fields, IReadOnlyList<ShapeField> clientFields)
    {
        FetchBuilder fetch;
        SelectionBuilder selection;
        if (anchor.IsRoot)
        {
            fetch = RootFetchFor(graph);
            selection = fetch.Selection;
        }
        else
        {
            fetch = GetOrCreateEntityFetch(anchor.Fetch!, anchor.Target!, anchor.TypeName, anchor.Path, graph, anchor.Provided, 0, anchor.ClientFields);
            selection = fetch.Selection;
        }

        var path = anchor.Path;
        var at = ValuePath.At(anchor with { Fetch = anchor.IsRoot ? null : fetch, Target = anchor.IsRoot ? null : selection, Provided = null });
        IReadOnlyList<FieldSetNode>? provided = null;
        var parentType = anchor.TypeName;
        var subgraph = _schema.SubgraphSchema(graph);
        foreach (var step in steps)
        {
            Tick();
            var field = step.Field!;
            var entry = selection.AddField(field.FetchKey, field.FieldName, field.Node, composite: true);
            path = ChildPath(path, field.FetchKey, field.ListDepth);
            provided = ChildProvided(provided, parentType, field.FieldName, graph);
            if (subgraph.FindType(NamedTypeIn(graph, parentType, field.FieldName, field.Type)) is { IsAbstract: true })
            {
                entry.Sub!.AddField("__typename", "__typename", null, composite: false);
                selection = entry.Sub.AddFragment(step.TypeName);
            }
            else
            {
                selection = entry.Sub!;
            }

            at = at.Then(field, step.TypeName);
            parentType = step.TypeName;
        }

        PlanFields(fetch, selection, typeName, path, fields, provided, allowRequires: false, clientFields, at);
    }

    /// <summary>
    /// Whether a field the graph resolves is a value-type selection of which it resolves none of the fields asked:
    /// then it is better asked of a subgraph that does.
    /// </summary>
    private bool IsValueSelection(string graph, string typeName, ShapeField field, IReadOnlyList<FieldSetNode>? provided)
    {
        if (field.SubByType is null || _schema.GetType(field.Type.NamedType).IsAbstract || IsEntityType(field.Type.NamedType))
        {
            return false;
        }

        var childProvided = ChildProvided(provided, typeName, field.FieldName, graph);
        var asked = false;
        foreach (var sub in field.SubByType[field.Type.NamedType])
        {
            if (sub.NotFetched)
            {
                continue;
            }

            if (CanResolve(graph, field.Type.NamedType, sub.FieldName, childProvided, allowRequires: false))
            {
                return false;
            }

            asked = true;
        }

        return asked;
    }

    /// <summary>Whether some subgraph can be asked for objects of the type by a key (itself, or as an interface object).</summary>
    private bool IsEntityType(string typeName)
    {
        var type = _schema.GetType(typeName);
        foreach (var join in type.Joins.Values)
        {
            if (HasResolvableKey(join))
            {
                return true;
            }
        }

        for (var i = 0; i < type.Interfaces.Count; i++)
        {
            foreach (var join in _schema.GetType(type.Interfaces[i]).Joins.Values)
            {
                if (join.IsInterfaceObject && HasResolvableKey(join))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Indexed: planning runs for every new operation, and this is asked for every object it plans.
    private static bool HasResolvableKey(TypeJoin join)
    {
        for (var i = 0; i < join.Keys.Count; i++)
        {
            if (join.Keys[i].Resolvable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some subgraph resolves the field through an <c>_entities</c> call.</summary>
    private bool HasEntityRoute(string typeName, string fieldName)
    {
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (EntityTypeIn(subgraph.Name, typeName, fieldName) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
