using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>Placing the client's fields into fetches.</summary>
internal sealed partial class PlanContext
{
    /// <summary>Adds a field that <paramref name="fetch"/> resolves, and plans its sub-selection.</summary>
    /// <param name="at">How the planner reached the object of <paramref name="typeName"/>; null where no other subgraph can be asked for it.</param>
    public void PlanResolvedField(
        FetchBuilder fetch, SelectionBuilder target, string typeName, string[] path, ShapeField field, IReadOnlyList<FieldSetNode>? provided, ValuePath? at)
    {
        Tick();
        var entry = target.AddField(field.FetchKey, field.FieldName, field.Node, field.SubByType is not null);
        if (field.SubByType is null)
        {
            return;
        }

        var childPath = ChildPath(path, field.FetchKey, field.ListDepth);
        var childProvided = ChildProvided(provided, typeName, field.FieldName, fetch.Graph);
        PlanComposite(fetch, entry.Sub!, field, NamedTypeIn(fetch.Graph, typeName, field.FieldName, field.Type), childPath, childProvided, at);
    }

    /// <param name="field">The composite field whose sub-selection is planned.</param>
    /// <param name="namedInGraph">The field's type in the fetch's subgraph, which may be narrower (an object type where the supergraph has a union).</param>
    private void PlanComposite(
        FetchBuilder fetch,
        SelectionBuilder target,
        ShapeField field,
        string namedInGraph,
        string[] path,
        IReadOnlyList<FieldSetNode>? provided,
        ValuePath? at)
    {
        var byType = field.SubByType!;
        var namedType = field.Type.NamedType;
        var type = _schema.GetType(namedType);
        if (!type.IsAbstract)
        {
            PlanFields(fetch, target, namedType, path, byType[namedType], provided, allowRequires: false, byType[namedType], at?.Then(field, namedType));
            return;
        }

        if (_schema.PossibleTypes(namedType).Count == 0 && AsksMoreThanTypename(field.Node))
        {
            // No object type implements it anywhere, so no subgraph can ever return a value for the fields asked:
            // refused like any other field that cannot be reached, rather than fetched as __typename alone.
            throw new PlanningException(
                $"Cannot plan '{field.ParentType}.{field.FieldName}': '{namedType}' has no implementations, so no subgraph can return the fields asked of it.");
        }

        AssignFetchKeys(byType);

        if (type.Joins.TryGetValue(fetch.Graph, out var join) && join.IsInterfaceObject)
        {
            PlanInterfaceObject(fetch, target, type, path, field, provided);
            return;
        }

        target.AddField("__typename", "__typename", null, composite: false);
        var subgraph = _schema.SubgraphSchema(fetch.Graph);
        if (subgraph.FindType(namedInGraph) is { IsAbstract: false })
        {
            // The subgraph returns one object type here: its fields go in without a type condition, and the other
            // possible types of the supergraph never come from this subgraph.
            if (byType.TryGetValue(namedInGraph, out var only))
            {
                PlanFields(fetch, target, namedInGraph, path, only, provided, allowRequires: false, only, at?.Then(field, namedInGraph));
            }

            return;
        }

        // Type conditions only for the types this subgraph can return here: any other would not validate there.
        var possible = subgraph.PossibleTypes(namedInGraph);
        var shared = SharedPossibleTypes(fetch.Graph, field);
        foreach (var (objectType, fields) in byType)
        {
            if (!HasNonTypename(fields) || !possible.Contains(objectType) || (shared is not null && !shared.Contains(objectType)))
            {
                continue;
            }

            var fragment = target.AddFragment(objectType);
            PlanFields(fetch, fragment, objectType, path, fields, provided, allowRequires: false, fields, at?.Then(field, objectType));
        }
    }

    /// <summary>
    /// For a field that several subgraphs resolve (<c>@shareable</c>) whose abstract type has different members in
    /// them: the members every one of them has; null when the field is not shared that way. Apollo's contract for
    /// such a field (composition hint INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN) is that each subgraph resolves
    /// it only to those common members, since any of them may be asked. The planner follows it: only the common
    /// members' fields are fetched, from whichever subgraph answers, so the answer does not depend on which one the
    /// plan picked; an object of another member gets none of the client's type-specific fields.
    /// </summary>
    private HashSet<string>? SharedPossibleTypes(string graph, ShapeField field)
    {
        HashSet<string>? common = null;
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (subgraph.Name == graph || !CanResolve(subgraph.Name, field.ParentType, field.FieldName, null, allowRequires: true))
            {
                continue;
            }

            common ??= PossibleTypesIn(graph, field);
            common.IntersectWith(PossibleTypesIn(subgraph.Name, field));
        }

        return common;
    }

    private HashSet<string> PossibleTypesIn(string graph, ShapeField field)
    {
        var schema = _schema.SubgraphSchema(graph);
        var named = NamedTypeIn(graph, field.ParentType, field.FieldName, field.Type);
        return schema.FindType(named) switch
        {
            null => [],
            { IsAbstract: true } => new HashSet<string>(schema.PossibleTypes(named), StringComparer.Ordinal),
            _ => new HashSet<string>(StringComparer.Ordinal) { named },
        };
    }

    private static bool AsksMoreThanTypename(GraphQLParser.AST.GraphQLField node) =>
        node.SelectionSet?.Selections.Exists(s => s is not GraphQLParser.AST.GraphQLField { Name.StringValue: "__typename" }) == true;

    private static bool HasNonTypename(ShapeField[] fields)
    {
        foreach (var field in fields)
        {
            if (!field.NotFetched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Places the fields of one concrete type: those the fetch resolves in place, the rest through entity fetches, and
    /// those of a value type no entity fetch reaches by asking another subgraph from the path's anchor.
    /// </summary>
    private void PlanFields(
        FetchBuilder fetch,
        SelectionBuilder target,
        string typeName,
        string[] path,
        IReadOnlyList<ShapeField> fields,
        IReadOnlyList<FieldSetNode>? provided,
        bool allowRequires,
        IReadOnlyList<ShapeField> clientFields,
        ValuePath? at)
    {
        if (Guard is not null)
        {
            PlanGuardFields(fetch, target, typeName, path, provided, clientFields);
        }

        if (IsEntityType(typeName))
        {
            // Another subgraph reaches this object by its key: fields below go on from here, not from further up.
            at = ValuePath.At(new ValueAnchor(fetch, target, typeName, path, provided, clientFields));
        }

        List<ShapeField>? unresolved = null;
        List<ShapeField>? elsewhere = null;
        foreach (var field in fields)
        {
            if (field.NotFetched)
            {
                continue;
            }

            if (CanResolve(fetch.Graph, typeName, field.FieldName, provided, allowRequires))
            {
                if (at is not null && IsValueSelection(fetch.Graph, typeName, field, provided))
                {
                    // A shared value-type field of which this subgraph resolves nothing asked: better asked where it does.
                    (elsewhere ??= []).Add(field);
                    continue;
                }

                PlanResolvedField(fetch, target, typeName, path, field, provided, at);
            }
            else if (at is not null && !HasEntityRoute(typeName, field.FieldName))
            {
                (elsewhere ??= []).Add(field);
            }
            else
            {
                (unresolved ??= []).Add(field);
            }
        }

        if (elsewhere is not null)
        {
            PlanFromAnchor(fetch, target, typeName, path, elsewhere, provided, at!, clientFields);
        }

        if (unresolved is null)
        {
            return;
        }

        foreach (var (graph, group) in ChooseGraphs(fetch, typeName, path, unresolved, provided, clientFields))
        {
            PlanThroughEntityFetch(fetch, target, typeName, path, graph, group, provided, clientFields);
        }
    }

    /// <summary>Plans fields the current fetch cannot resolve through entity fetches to <paramref name="graph"/>.</summary>
    private void PlanThroughEntityFetch(
        FetchBuilder fetch, SelectionBuilder target, string typeName, string[] path, string graph, List<ShapeField> group,
        IReadOnlyList<FieldSetNode>? provided, IReadOnlyList<ShapeField> clientFields)
    {
        var parts = SplitByRequirements(typeName, graph, group, f => f.FieldName);
        for (var variant = 0; variant < parts.Count; variant++)
        {
            if (parts[variant].Count == 0)
            {
                continue;
            }

            var entity = GetOrCreateEntityFetch(fetch, target, typeName, path, graph, provided, 0, clientFields, variant);
            PlanRequirements(entity, fetch, target, typeName, path, parts[variant], f => f.FieldName, provided, 0, clientFields);
            PlanFields(entity, entity.Selection, entity.EntityType!, path, parts[variant], null, allowRequires: true, clientFields, null);
        }
    }

    /// <summary>
    /// The subgraphs to fetch the fields the current fetch cannot resolve from, as the root choice does: each round,
    /// where several subgraphs could take some of the fields left, each is tried on its own (its fields and then the
    /// rest placed greedily, apart from this plan) and the one whose plan needs the fewest fetches wins, counting what
    /// <c>@provides</c> saves and the hops keys and <c>@external</c> fields need; ties go to the greedy order (most
    /// fields resolved, then a key the current fetch supplies). Within a trial the choice is greedy.
    /// </summary>
    private List<(string Graph, List<ShapeField> Items)> ChooseGraphs(
        FetchBuilder fetch, string typeName, string[] path, List<ShapeField> unresolved, IReadOnlyList<FieldSetNode>? provided,
        IReadOnlyList<ShapeField> clientFields)
    {
        if (IsTrial || !unresolved.Exists(f => IsContested(typeName, f)))
        {
            return GroupByGraph(fetch.Graph, typeName, unresolved, f => f.FieldName, provided);
        }

        var result = new List<(string, List<ShapeField>)>();
        var remaining = new List<ShapeField>(unresolved);
        while (remaining.Count > 0)
        {
            // Only a field more than one subgraph could serve is a choice: the rest have one home whatever the order.
            var greedy = GroupByGraph(fetch.Graph, typeName, remaining, f => f.FieldName, provided)[0].Graph;
            var contested = remaining.FindAll(f => IsContested(typeName, f));
            var best = greedy;
            if (contested.Exists(f => EntityTypeIn(greedy, typeName, f.FieldName) is not null))
            {
                // The greedy pick first, so that it wins ties; then the other subgraphs that could take a contested field.
                var candidates = _schema.Subgraphs.Select(s => s.Name).Where(g => g != greedy
                    && contested.Exists(f => EntityTypeIn(g, typeName, f.FieldName) is not null)).Prepend(greedy);
                var bestCost = int.MaxValue;
                foreach (var candidate in candidates)
                {
                    var group = remaining.FindAll(f => EntityTypeIn(candidate, typeName, f.FieldName) is not null);
                    var cost = TrialEntityCost(fetch, typeName, path, candidate, group, remaining, provided, clientFields);
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (candidate, cost);
                    }
                }

                if (bestCost == int.MaxValue)
                {
                    // None could be planned on its own here: the greedy choice stands.
                    best = greedy;
                }
            }

            var chosen = remaining.Where(f => EntityTypeIn(best, typeName, f.FieldName) is not null).ToList();
            remaining.RemoveAll(chosen.Contains);
            result.Add((best, chosen));
        }

        return result;
    }

    /// <summary>Whether more than one subgraph could serve <paramref name="field"/> through an entity fetch.</summary>
    private bool IsContested(string typeName, ShapeField field)
    {
        var type = _schema.GetType(typeName);
        if (type.Interfaces.Count == 0 && type.Field(field.FieldName) is { HasJoinField: true } definition)
        {
            // At most one subgraph defines it (no interface object could serve it either): no choice, nothing to try.
            var defining = 0;
            foreach (var join in definition.Joins)
            {
                defining += join.External ? 0 : 1;
            }

            if (defining <= 1)
            {
                return false;
            }
        }

        var found = 0;
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (EntityTypeIn(subgraph.Name, typeName, field.FieldName) is not null && ++found > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fetches that placing <paramref name="group"/> in <paramref name="graph"/>, and the rest of
    /// <paramref name="remaining"/> greedily, would add below a fetch of the current subgraph; int.MaxValue when that
    /// cannot be planned. Planned apart from this plan; its work counts against this plan's bound.
    /// </summary>
    private int TrialEntityCost(
        FetchBuilder fetch, string typeName, string[] path, string graph, List<ShapeField> group, List<ShapeField> remaining,
        IReadOnlyList<FieldSetNode>? provided, IReadOnlyList<ShapeField> clientFields)
    {
        var trial = new PlanContext(_schema, _maxWork - _work, Operation, Guard) { IsTrial = true };
        int cost;
        try
        {
            // A stand-in for the current fetch: same subgraph, so the same keys and requirements can be supplied.
            var standIn = trial.NewRootFetch(fetch.Graph);
            trial.PlanThroughEntityFetch(standIn, standIn.Selection, typeName, path, graph, group, provided, clientFields);
            var rest = remaining.Where(f => !group.Contains(f)).ToList();
            if (rest.Count > 0)
            {
                foreach (var (other, items) in trial.GroupByGraph(fetch.Graph, typeName, rest, f => f.FieldName, provided))
                {
                    trial.PlanThroughEntityFetch(standIn, standIn.Selection, typeName, path, other, items, provided, clientFields);
                }
            }

            cost = trial.Fetches.Count - 1;
        }
        catch (PlanningException ex) when (ex.Code == Errors.ErrorCodes.PlanningFailed)
        {
            cost = int.MaxValue;
        }

        // A trial over its share of the bound has thrown PlanningLimitExceeded already.
        _work += trial._work;
        return cost;
    }

    /// <summary>
    /// Groups fields the current fetch cannot resolve by the subgraph to fetch them from: each round picks the
    /// subgraph that resolves most of those left (then one whose key the current fetch can supply).
    /// </summary>
    private List<(string Graph, List<T> Items)> GroupByGraph<T>(
        string currentGraph, string typeName, List<T> items, Func<T, string> fieldName, IReadOnlyList<FieldSetNode>? provided)
    {
        var result = new List<(string, List<T>)>();
        var remaining = new List<T>(items);
        while (remaining.Count > 0)
        {
            string? best = null;
            var bestScore = -1;
            foreach (var subgraph in _schema.Subgraphs)
            {
                var count = 0;
                foreach (var item in remaining)
                {
                    if (EntityTypeIn(subgraph.Name, typeName, fieldName(item)) is not null)
                    {
                        count++;
                    }
                }

                if (count == 0)
                {
                    continue;
                }

                var score = count * 2;
                var entityType = EntityTypeIn(subgraph.Name, typeName, fieldName(remaining.First(i => EntityTypeIn(subgraph.Name, typeName, fieldName(i)) is not null)))!;
                if (HasDirectKey(currentGraph, typeName, subgraph.Name, entityType, provided))
                {
                    score++;
                }

                if (score > bestScore)
                {
                    best = subgraph.Name;
                    bestScore = score;
                }
            }

            if (best is null)
            {
                throw new PlanningException(
                    $"Cannot plan '{typeName}.{fieldName(remaining[0])}': no subgraph can resolve it from subgraph '{currentGraph}'.");
            }

            var group = remaining.Where(i => EntityTypeIn(best, typeName, fieldName(i)) is not null).ToList();
            remaining.RemoveAll(group.Contains);
            result.Add((best, group));
        }

        return result;
    }

    /// <summary>
    /// The type through which <paramref name="graph"/> resolves <c>typeName.fieldName</c> as an entity: the type itself,
    /// or an interface the graph knows as an <c>@interfaceObject</c>; null when it cannot.
    /// </summary>
    private string? EntityTypeIn(string graph, string typeName, string fieldName)
    {
        var type = _schema.GetType(typeName);
        if (type.Joins.TryGetValue(graph, out var join) && join.Keys.Any(k => k.Resolvable)
            && CanResolve(graph, typeName, fieldName, null, allowRequires: true))
        {
            return typeName;
        }

        foreach (var interfaceName in type.Interfaces)
        {
            var interfaceType = _schema.GetType(interfaceName);
            if (interfaceType.Joins.TryGetValue(graph, out var interfaceJoin) && interfaceJoin.IsInterfaceObject
                && interfaceJoin.Keys.Any(k => k.Resolvable) && CanResolve(graph, interfaceName, fieldName, null, allowRequires: true))
            {
                return interfaceName;
            }
        }

        return null;
    }

    private bool HasDirectKey(string currentGraph, string typeName, string targetGraph, string entityType, IReadOnlyList<FieldSetNode>? provided)
    {
        foreach (var key in _schema.GetType(entityType).Joins[targetGraph].Keys)
        {
            if (key.Resolvable && CanResolveSet(currentGraph, typeName, key.Selection, provided))
            {
                return true;
            }
        }

        return false;
    }
}
