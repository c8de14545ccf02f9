using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Keys for client fields that could not share one subgraph selection. The planner writes an abstract position's fields
/// once per possible type (<c>... on Book { sku } ... on Film { sku }</c>); where a subgraph gives those fields response
/// shapes that differ (<c>String!</c> against <c>String</c>), the selection fails GraphQL's FieldsInSetCanMerge there.
/// Such a field goes under the planner's alias (<see cref="PlannerAliases.ForConflict"/>) in every fetch, and the
/// response writer reads it back from there under the client's key.
/// </summary>
internal sealed partial class PlanContext
{
    // Made on first use: most operations have no position with several possible types.
    private Dictionary<object, IReadOnlyDictionary<string, ShapeField[]>>? _positions;

    /// <summary>The client fields of every type at the position of <paramref name="clientFields"/>; null when it has one type.</summary>
    private IReadOnlyDictionary<string, ShapeField[]>? SiblingsOf(IReadOnlyList<ShapeField>? clientFields) =>
        clientFields is not null && _positions is not null && _positions.TryGetValue(clientFields, out var byType) ? byType : null;

    /// <summary>Gives each field of an abstract position the key it is fetched under; the same on every visit.</summary>
    private void AssignFetchKeys(IReadOnlyDictionary<string, ShapeField[]> byType)
    {
        if (byType.Count < 2)
        {
            return;
        }

        _positions ??= new Dictionary<object, IReadOnlyDictionary<string, ShapeField[]>>(ReferenceEqualityComparer.Instance);
        foreach (var fields in byType.Values)
        {
            if (_positions.ContainsKey(fields))
            {
                return;
            }

            break;
        }

        foreach (var fields in byType.Values)
        {
            _positions[fields] = byType;
        }

        // Under each response key, fields fall into groups that can share one selection: a field joins the first
        // group it conflicts with no member of. The first group keeps the client's key; each other group takes the
        // alias of its first member.
        var groups = new Dictionary<string, List<List<ShapeField>>>(StringComparer.Ordinal);
        foreach (var fields in byType.Values)
        {
            foreach (var field in fields)
            {
                if (field.NotFetched)
                {
                    continue;
                }

                if (!groups.TryGetValue(field.ResponseKey, out var keyGroups))
                {
                    groups[field.ResponseKey] = [[field]];
                    continue;
                }

                List<ShapeField>? joined = null;
                foreach (var group in keyGroups)
                {
                    if (!group.Exists(member => Conflicts(member, field)))
                    {
                        joined = group;
                        break;
                    }
                }

                if (joined is null)
                {
                    field.FetchKey = PlannerAliases.ForConflict(field.ParentType, field.ResponseKey);
                    keyGroups.Add([field]);
                }
                else
                {
                    if (!ReferenceEquals(joined[0].FetchKey, joined[0].ResponseKey))
                    {
                        field.FetchKey = joined[0].FetchKey;
                    }

                    joined.Add(field);
                }
            }
        }
    }

    /// <summary>Whether two fields under one response key would fail to merge in some subgraph that defines both.</summary>
    private bool Conflicts(ShapeField a, ShapeField b)
    {
        Tick();
        if (a.ParentType == b.ParentType && (a.FieldName != b.FieldName || !SameArguments(a, b)))
        {
            return true;
        }

        foreach (var subgraph in _schema.Subgraphs)
        {
            var graph = _schema.SubgraphSchema(subgraph.Name);
            if (graph.FieldType(a.ParentType, a.FieldName) is { } typeA && graph.FieldType(b.ParentType, b.FieldName) is { } typeB
                && !SameShape(graph, typeA, typeB, a, b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>GraphQL's SameResponseShape for the two fields' types in one subgraph, their sub-selections included.</summary>
    private bool SameShape(SubgraphSchema graph, TypeRef typeA, TypeRef typeB, ShapeField a, ShapeField b)
    {
        while (typeA.Kind != TypeRefKind.Named || typeB.Kind != TypeRefKind.Named)
        {
            if (typeA.Kind != typeB.Kind)
            {
                return false;
            }

            typeA = typeA.OfType!;
            typeB = typeB.OfType!;
        }

        if (a.SubByType is null || b.SubByType is null)
        {
            return typeA.Name == typeB.Name && a.SubByType is null && b.SubByType is null;
        }

        foreach (var fieldsA in a.SubByType.Values)
        {
            foreach (var subA in fieldsA)
            {
                foreach (var fieldsB in b.SubByType.Values)
                {
                    foreach (var subB in fieldsB)
                    {
                        if (!subA.NotFetched && !subB.NotFetched && subA.ResponseKey == subB.ResponseKey && !ReferenceEquals(subA, subB)
                            && Conflicts(subA, subB))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    private static bool SameArguments(ShapeField a, ShapeField b)
    {
        if (ReferenceEquals(a.Node, b.Node))
        {
            return true;
        }

        var argsA = a.Node.Arguments;
        var argsB = b.Node.Arguments;
        if (argsA is null || argsB is null)
        {
            return (argsA?.Items.Count ?? 0) == (argsB?.Items.Count ?? 0);
        }

        var printer = new SDLPrinter();
        return printer.Print(argsA) == printer.Print(argsB);
    }
}
