using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// CROSS_SUBGRAPH_NON_NULL (a warning): a field whose value comes from another subgraph than the object holding it
/// is non-null in the API schema. When that subgraph fails or is slow the field is null, and a non-null field hands
/// its null to the parent: the whole object, with every other subgraph's data in it, is lost. Two shapes cross:
/// <list type="bullet">
/// <item>an entity field one subgraph adds to an entity another subgraph hands out with data of its own
/// (<c>Child.youthJustice</c>, added by youth justice to the child index's <c>Child</c>);</item>
/// <item>a field returning an entity its own subgraph knows only by key (<c>Child.pupil</c>: the child index holds
/// the pupil's UPN, education everything else).</item>
/// </list>
/// It composes (a warning, not an error): the gateway's registry refuses such a subgraph unless forced.
/// </summary>
internal static class CrossSubgraphNullabilityRule
{
    public static IEnumerable<CompositionError> Validate(MergedSchema schema)
    {
        var subgraphs = schema.Subgraphs;
        foreach (var type in schema.Types.Values.Where(t => t.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface && !t.Inaccessible))
        {
            foreach (var field in type.Fields.Where(f => !f.Inaccessible && f.Type.IsNonNull && f.ResolvingGraphs.Count > 0))
            {
                if (ExtensionWarning(subgraphs, type, field) is { } extension)
                {
                    yield return extension;
                }
                else if (ReferenceWarning(schema, subgraphs, type, field) is { } reference)
                {
                    yield return reference;
                }
            }
        }
    }

    /// <summary>The field is resolved only by some subgraphs, and another one holds data of its own on the same entity.</summary>
    private static CompositionError? ExtensionWarning(IReadOnlyList<ParsedSubgraph> subgraphs, MergedType type, MergedField field)
    {
        if (!IsEntity(subgraphs, type.Name))
        {
            return null;
        }

        // A holder hands out objects of the type (some field of its own returns it) with data of its own in them.
        var holder = subgraphs.FirstOrDefault(s => !field.ResolvingGraphs.Contains(s.Name) && s.Type(type.Name) is { } def && HoldsOwnData(def) && Returns(s, type.Name));
        if (holder is null)
        {
            return null;
        }

        var resolvedBy = field.ResolvingGraphs[0];
        var coordinate = type.Name + "." + field.Name;
        return new CompositionError(
            CompositionErrorCodes.CrossSubgraphNonNull,
            $"{coordinate} is non-null ({field.Type}) but only subgraph \"{resolvedBy}\" resolves it, on a {type.Name} that subgraph \"{holder.Name}\" holds data for. " +
            $"If \"{resolvedBy}\" fails or is slow, the null takes the whole {type.Name} with it: \"{holder.Name}\"'s data and every other subgraph's would be lost with one service's outage. " +
            $"Declare it nullable ({field.Type.Nullable}) in \"{resolvedBy}\".",
            resolvedBy,
            coordinate);

        static bool HoldsOwnData(SubgraphTypeDef def)
        {
            var keyFields = KeyFields(def);
            return def.Fields.Any(f => !f.External && !keyFields.Contains(f.Name));
        }
    }

    /// <summary>The field returns an entity its subgraph knows only by key: everything else about it comes from elsewhere.</summary>
    private static CompositionError? ReferenceWarning(MergedSchema schema, IReadOnlyList<ParsedSubgraph> subgraphs, MergedType type, MergedField field)
    {
        var target = field.Type.NamedType;
        if (schema.Type(target) is not { } targetType || !IsEntity(subgraphs, target))
        {
            return null;
        }

        foreach (var name in field.ResolvingGraphs)
        {
            var subgraph = subgraphs.First(s => s.Name == name);
            if (subgraph.Type(target) is not { } stub)
            {
                continue;
            }

            var keyFields = KeyFields(stub);
            if (stub.Fields.Any(f => !f.External && !keyFields.Contains(f.Name)))
            {
                continue; // It holds data of its own: a failed fetch of the rest is the other rule's concern.
            }

            var elsewhere = targetType.Fields.FirstOrDefault(f => !keyFields.Contains(f.Name) && f.ResolvingGraphs.Count > 0 && !f.ResolvingGraphs.Contains(name));
            if (elsewhere is null)
            {
                continue;
            }

            var coordinate = type.Name + "." + field.Name;
            var owner = elsewhere.ResolvingGraphs[0];
            return new CompositionError(
                CompositionErrorCodes.CrossSubgraphNonNull,
                $"{coordinate} is non-null ({field.Type}) but subgraph \"{name}\" knows {target} only by its key: its data comes from subgraph \"{owner}\". " +
                $"If \"{owner}\" fails or is slow, the null takes the {type.Name} holding it with it, and every other subgraph's data there would be lost with one service's outage. " +
                $"Declare it nullable ({field.Type.Nullable}) in \"{name}\".",
                name,
                coordinate);
        }

        return null;
    }

    private static bool Returns(ParsedSubgraph subgraph, string typeName) =>
        subgraph.Types.Values.Any(t => t.Fields.Any(f => !f.External && f.Type.NamedType == typeName));

    private static bool IsEntity(IReadOnlyList<ParsedSubgraph> subgraphs, string typeName) =>
        subgraphs.Count(s => s.Type(typeName) is not null) > 1 && subgraphs.Any(s => s.Type(typeName) is { Keys.Count: > 0 });

    /// <summary>The top-level fields of a type's keys in one subgraph.</summary>
    private static HashSet<string> KeyFields(SubgraphTypeDef def) =>
        def.Keys
            .SelectMany(k => FieldSetParserOrEmpty(k.Fields))
            .Where(n => !n.IsFragment)
            .Select(n => n.FieldName!)
            .ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<FieldSetNode> FieldSetParserOrEmpty(string fields)
    {
        try
        {
            return FieldSetParser.Parse(fields);
        }
        catch (SupergraphException)
        {
            return [];
        }
    }
}
