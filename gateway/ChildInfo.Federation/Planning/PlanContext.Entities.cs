using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>Entity fetches, keys and the fields the planner itself needs (keys, <c>@requires</c>).</summary>
internal sealed partial class PlanContext
{
    /// <summary>
    /// Makes the fields of <paramref name="fieldSet"/> available on the objects at <paramref name="path"/>: in
    /// <paramref name="fetch"/> where it can resolve them, otherwise through entity fetches. Records in
    /// <paramref name="keys"/> the response key each field is fetched under. Returns the entity fetches that must
    /// complete before the fields are there.
    /// </summary>
    private HashSet<FetchBuilder> Ensure(
        FetchBuilder fetch, SelectionBuilder target, string typeName, string[] path, IReadOnlyList<FieldSetNode> fieldSet,
        IReadOnlyList<FieldSetNode>? provided, int hops, bool allowRequires, IReadOnlyList<ShapeField>? clientFields, PlannedKeys keys)
    {
        var dependencies = new HashSet<FetchBuilder>();
        List<FieldSetNode>? missing = null;
        foreach (var node in fieldSet)
        {
            Tick();
            if (node.IsFragment)
            {
                if (_schema.Matches(typeName, node.TypeCondition!))
                {
                    dependencies.UnionWith(Ensure(fetch, target, typeName, path, node.Children, provided, hops, false, clientFields, keys));
                }

                continue;
            }

            if (!CanResolve(fetch.Graph, typeName, node.FieldName!, provided, allowRequires)
                || (node.Children.Count > 0 && !CanResolveSet(fetch.Graph, typeName, [node], provided) && !LeadsToEntities(typeName, node.FieldName!)))
            {
                (missing ??= []).Add(node);
                continue;
            }

            string responseKey;
            if (node.Node is not null)
            {
                responseKey = PlannerAliases.ForArguments(node.FieldName!, node.ArgumentsText);
            }
            else
            {
                var siblings = SiblingsOf(clientFields);
                var graph = siblings is null ? null : _schema.SubgraphSchema(fetch.Graph);
                responseKey = PlannerAliases.KeyFor(
                    node.FieldName!, clientFields, siblings, graph, graph?.FieldType(typeName, node.FieldName!) ?? _schema.GetType(typeName).Field(node.FieldName!)?.Type);
            }

            var entry = target.AddField(responseKey, node.FieldName!, node.Node, node.Children.Count > 0);
            var childKeys = keys.Field(node.FieldName!, responseKey);
            if (node.Children.Count == 0)
            {
                continue;
            }

            var fieldType = _schema.GetType(typeName).Field(node.FieldName!)!.Type;
            var childPath = ChildPath(path, responseKey, ListDepth(fieldType));
            var ownKey = responseKey == node.FieldName;
            var childProvided = ChildProvided(provided, typeName, node.FieldName!, fetch.Graph);
            var named = _schema.GetType(fieldType.NamedType);
            var namedInGraph = NamedTypeIn(fetch.Graph, typeName, node.FieldName!, fieldType);
            if (!named.IsAbstract)
            {
                var childClient = ownKey ? PlannerAliases.SubFields(node.FieldName!, named.Name, clientFields) : null;
                dependencies.UnionWith(Ensure(fetch, entry.Sub!, named.Name, childPath, node.Children, childProvided, hops, false, childClient, childKeys));
                continue;
            }

            entry.Sub!.AddField("__typename", "__typename", null, composite: false);
            var subgraph = _schema.SubgraphSchema(fetch.Graph);
            if (subgraph.FindType(namedInGraph) is { IsAbstract: false })
            {
                // One object type in this subgraph where the supergraph has an abstract type: no type condition.
                var childClient = ownKey ? PlannerAliases.SubFields(node.FieldName!, namedInGraph, clientFields) : null;
                dependencies.UnionWith(Ensure(
                    fetch, entry.Sub, namedInGraph, childPath, node.Children, childProvided, hops, false, childClient, childKeys.OnType(namedInGraph)));
                continue;
            }

            var possibleInGraph = subgraph.PossibleTypes(namedInGraph);
            foreach (var possible in _schema.PossibleTypes(named.Name))
            {
                if (possibleInGraph.Contains(possible))
                {
                    var childClient = ownKey ? PlannerAliases.SubFields(node.FieldName!, possible, clientFields) : null;
                    dependencies.UnionWith(Ensure(
                        fetch, entry.Sub.AddFragment(possible), possible, childPath, node.Children, childProvided, hops, false, childClient, childKeys.OnType(possible)));
                }
            }
        }

        if (missing is null)
        {
            return dependencies;
        }

        if (hops > _maxHops)
        {
            throw new PlanningException($"Cannot plan fields '{string.Join(", ", missing.Select(m => m.FieldName))}' of '{typeName}': no chain of entity keys reaches them.");
        }

        foreach (var (graph, group) in GroupByGraph(fetch.Graph, typeName, missing, n => n.FieldName!, provided))
        {
            var parts = SplitByRequirements(typeName, graph, group, n => n.FieldName!);
            for (var variant = 0; variant < parts.Count; variant++)
            {
                if (parts[variant].Count == 0)
                {
                    continue;
                }

                var entity = GetOrCreateEntityFetch(fetch, target, typeName, path, graph, provided, hops + 1, clientFields, variant);
                dependencies.Add(entity);
                PlanRequirements(entity, fetch, target, typeName, path, parts[variant], n => n.FieldName!, provided, hops + 1, clientFields);
                dependencies.UnionWith(Ensure(entity, entity.Selection, entity.EntityType!, path, parts[variant], null, hops + 1, allowRequires: true, clientFields, keys));
            }
        }

        return dependencies;
    }

    /// <summary>
    /// Finds or creates the <c>_entities</c> fetch to <paramref name="graph"/> for the objects of
    /// <paramref name="typeName"/> that <paramref name="parent"/> returns at <paramref name="path"/>, and makes a key
    /// available for its representations.
    /// </summary>
    /// <param name="variant">
    /// Which of several calls for the same objects: requirements that need one field with different arguments go to
    /// separate calls, since a representation holds each field once.
    /// </param>
    private FetchBuilder GetOrCreateEntityFetch(
        FetchBuilder parent, SelectionBuilder target, string typeName, string[] path, string graph,
        IReadOnlyList<FieldSetNode>? provided, int hops, IReadOnlyList<ShapeField>? clientFields, int variant = 0)
    {
        // Objects of several types that the target knows through one interface object share one fetch.
        var entityType = EntityTypeFor(graph, typeName);
        var objectType = entityType == typeName ? typeName : entityType;
        var pathText = string.Join('.', path);
        var indexKey = (parent.Id, pathText, graph, objectType, variant);
        while (_entityFetches.TryGetValue(indexKey, out var waiting) && _awaiting.Contains(waiting))
        {
            // That call waits for the fields being planned now (a requirement of the same subgraph's own fields
            // followed by a hop elsewhere): these go in a call of their own, before it.
            indexKey = (parent.Id, pathText, graph, objectType, ++variant);
        }

        if (_entityFetches.TryGetValue(indexKey, out var existing))
        {
            // Reached again from another selection (another type condition): its objects need the key there too.
            target.AddField("__typename", "__typename", null, composite: false);
            existing.DependsOn.UnionWith(Ensure(
                parent, target, typeName, path, existing.KeySet!, provided, hops + 1, false, clientFields, existing.Representation.OnType(typeName)));
            return existing;
        }

        // The first resolvable key the parent can supply itself, else the first resolvable key (fetched through a hop).
        KeyDefinition? key = null, first = null;
        foreach (var candidate in _schema.GetType(entityType).Joins[graph].Keys)
        {
            if (!candidate.Resolvable)
            {
                continue;
            }

            first ??= candidate;
            if (CanResolveSet(parent.Graph, typeName, candidate.Selection, provided))
            {
                key = candidate;
                break;
            }
        }

        var direct = key is not null;
        key ??= first ?? throw new PlanningException($"Type '{entityType}' has no resolvable key in subgraph '{graph}'.");

        target.AddField("__typename", "__typename", null, composite: false);
        var representation = new PlannedKeys();
        var dependencies = Ensure(parent, target, typeName, path, key.Selection, provided, direct ? hops : hops + 1, false, clientFields, representation.OnType(typeName));
        var entity = new FetchBuilder(Fetches.Count, graph, parent, path, objectType, entityType, entityType, representation);
        entity.DependsOn.UnionWith(dependencies);
        entity.RepresentationSet.AddRange(key.Selection);
        entity.KeySet = key.Selection;
        Fetches.Add(entity);
        _entityFetches[indexKey] = entity;
        return entity;
    }

    /// <summary>
    /// Whether the objects under a field are entities: a nested field set there that the fetch cannot complete is
    /// completed by entity fetches on them (a nested key such as <c>product { id pid }</c> with <c>pid</c> elsewhere).
    /// </summary>
    private bool LeadsToEntities(string typeName, string fieldName)
    {
        var named = _schema.GetType(typeName).Field(fieldName)!.Type.NamedType;
        foreach (var possible in _schema.PossibleTypes(named))
        {
            if (!IsEntityType(possible))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes the <c>@requires</c> field sets of the fields an entity fetch resolves available on the objects it is sent,
    /// fetched from <paramref name="fetch"/> where it can, else through other entity fetches (a chain when the
    /// requirement starts in the requiring subgraph itself), and adds them to its representations. Requirements are
    /// internal: planned against the whole supergraph, <c>@inaccessible</c> fields included.
    /// </summary>
    private void PlanRequirements<T>(
        FetchBuilder entity, FetchBuilder fetch, SelectionBuilder target, string typeName, string[] path, List<T> items, Func<T, string> fieldName,
        IReadOnlyList<FieldSetNode>? provided, int hops, IReadOnlyList<ShapeField>? clientFields)
    {
        foreach (var item in items)
        {
            var requires = _schema.GetType(entity.EntityType!).Field(fieldName(item))?.JoinFor(entity.Graph)?.Requires;
            if (requires is null)
            {
                continue;
            }

            _awaiting.Add(entity);
            try
            {
                entity.DependsOn.UnionWith(Ensure(fetch, target, typeName, path, requires, provided, hops, false, clientFields, entity.Representation.OnType(typeName)));
            }
            finally
            {
                _awaiting.Remove(entity);
            }

            entity.RepresentationSet.AddRange(requires);
        }
    }

    /// <summary>
    /// Splits the fields to fetch from one subgraph into calls whose requirements can share a representation: a field
    /// whose requirement needs a field with other arguments than one already required goes to the next call.
    /// </summary>
    private List<List<T>> SplitByRequirements<T>(string typeName, string graph, List<T> items, Func<T, string> fieldName)
    {
        var parts = new List<List<T>> { new() };
        var partRequires = new List<List<FieldSetNode>> { new() };
        var entityType = EntityTypeFor(graph, typeName);
        foreach (var item in items)
        {
            var requires = _schema.GetType(entityType).Field(fieldName(item))?.JoinFor(graph)?.Requires;

            // A requirement that starts in this subgraph itself is met by an earlier call to it: the fields asked
            // without it go in that call, not in the one that waits for it.
            var index = requires is not null && StartsIn(graph, entityType, requires) ? 1 : 0;
            while (requires is not null && index < parts.Count && Conflict(partRequires[index], requires))
            {
                index++;
            }

            while (index >= parts.Count)
            {
                parts.Add([]);
                partRequires.Add([]);
            }

            parts[index].Add(item);
            if (requires is not null)
            {
                partRequires[index].AddRange(requires);
            }
        }

        return parts;
    }

    private bool StartsIn(string graph, string typeName, IReadOnlyList<FieldSetNode> requires)
    {
        foreach (var node in requires)
        {
            if (!node.IsFragment && CanResolve(graph, typeName, node.FieldName!, null, allowRequires: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Conflict(IReadOnlyList<FieldSetNode> a, IReadOnlyList<FieldSetNode> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.FieldName is not null && x.FieldName == y.FieldName
                    && (x.ArgumentsText != y.ArgumentsText || Conflict(x.Children, y.Children)))
                {
                    return true;
                }

                if (x.IsFragment && y.IsFragment && x.TypeCondition == y.TypeCondition && Conflict(x.Children, y.Children))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string EntityTypeFor(string graph, string typeName)
    {
        var type = _schema.GetType(typeName);
        if (type.Joins.TryGetValue(graph, out var join) && join.Keys.Any(k => k.Resolvable))
        {
            return typeName;
        }

        foreach (var interfaceName in type.Interfaces)
        {
            if (_schema.GetType(interfaceName).Joins.TryGetValue(graph, out var interfaceJoin) && interfaceJoin.IsInterfaceObject)
            {
                return interfaceName;
            }
        }

        throw new PlanningException($"Type '{typeName}' is not an entity in subgraph '{graph}'.");
    }
}
