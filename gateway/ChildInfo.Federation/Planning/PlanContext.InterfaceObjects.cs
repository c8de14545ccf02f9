using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>Positions where the fetching subgraph knows an interface only as an <c>@interfaceObject</c>.</summary>
internal sealed partial class PlanContext
{
    /// <summary>
    /// The subgraph returns objects typed as the interface itself, so the concrete type and the type-specific fields
    /// come from a subgraph that knows the interface as an entity interface: fields every possible type shares are
    /// planned on the interface object; the rest, with <c>__typename</c>, through an <c>_entities</c> fetch on the
    /// interface. When the client asks only for shared fields the subgraph resolves itself, the concrete type is
    /// not needed and not fetched: the objects are written with the fields every type shares.
    /// </summary>
    private void PlanInterfaceObject(
        FetchBuilder fetch,
        SelectionBuilder target,
        SupergraphType interfaceType,
        string[] path,
        ShapeField field,
        IReadOnlyList<FieldSetNode>? provided)
    {
        var byType = field.SubByType!;
        var common = CommonFields(interfaceType, byType);
        var allFields = byType.Values.SelectMany(f => f).ToList();
        PlanFields(fetch, target, interfaceType.Name, path, common, provided, allowRequires: false, allFields, null);
        if (Guard is null && IsUniform(byType, common) && common.TrueForAll(c => CanResolve(fetch.Graph, interfaceType.Name, c.FieldName, provided, allowRequires: false)))
        {
            if (!IsTrial)
            {
                field.SubForAnyType = common.ToArray();
            }

            return;
        }

        var owner = _schema.Subgraphs.FirstOrDefault(s =>
            interfaceType.Joins.TryGetValue(s.Name, out var join) && !join.IsInterfaceObject && join.Keys.Any(k => k.Resolvable))
            ?? throw new PlanningException($"No subgraph knows the concrete types of interface '{interfaceType.Name}'.");
        var entity = GetOrCreateEntityFetch(fetch, target, interfaceType.Name, path, owner.Name, provided, 0, allFields);
        entity.Selection.AddField("__typename", "__typename", null, composite: false);
        var ownerTypes = _schema.SubgraphSchema(owner.Name).PossibleTypes(interfaceType.Name);
        var commonKeys = new HashSet<string>(common.Select(c => c.ResponseKey), StringComparer.Ordinal);
        foreach (var (objectType, fields) in byType)
        {
            var rest = fields.Where(f => !f.NotFetched && !commonKeys.Contains(f.ResponseKey)).ToList();
            if (rest.Count == 0 || !ownerTypes.Contains(objectType))
            {
                continue;
            }

            PlanFields(entity, entity.Selection.AddFragment(objectType), objectType, path, rest, null, allowRequires: false, fields, null);
        }
    }

    /// <summary>
    /// Whether every possible type has exactly the <paramref name="common"/> fields, none of them <c>__typename</c> or
    /// withheld by policy: then what is written does not depend on the concrete type.
    /// </summary>
    private static bool IsUniform(IReadOnlyDictionary<string, ShapeField[]> byType, List<ShapeField> common)
    {
        foreach (var fields in byType.Values)
        {
            if (fields.Length != common.Count)
            {
                return false;
            }

            foreach (var field in fields)
            {
                if (field.NotFetched)
                {
                    return false;
                }
            }
        }

        return common.Count > 0;
    }

    /// <summary>The collected fields that are the same interface field for every possible type.</summary>
    private static List<ShapeField> CommonFields(SupergraphType interfaceType, IReadOnlyDictionary<string, ShapeField[]> byType)
    {
        var result = new List<ShapeField>();
        ShapeField[]? first = null;
        foreach (var fields in byType.Values)
        {
            first = fields;
            break;
        }

        if (first is null)
        {
            return result;
        }

        foreach (var candidate in first)
        {
            if (candidate.NotFetched || interfaceType.Field(candidate.FieldName) is null)
            {
                continue;
            }

            var everywhere = byType.Values.All(fields => fields.Any(f =>
                f.ResponseKey == candidate.ResponseKey && f.FetchKey == candidate.FetchKey && f.FieldName == candidate.FieldName && ReferenceEquals(f.Node, candidate.Node) && !f.NotFetched));
            if (everywhere)
            {
                result.Add(candidate);
            }
        }

        return result;
    }
}
