using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Merging;

/// <summary>
/// The merge step: joins the validated subgraphs into one <see cref="MergedSchema"/>, recording for each type and
/// field which subgraphs define and resolve it (the join metadata). Assumes the pre-merge rules passed; where they
/// could not tell, it merges what it can.
/// </summary>
internal static class SupergraphMerger
{
    public static MergedSchema Merge(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var schema = new MergedSchema(subgraphs)
        {
            Description = subgraphs.Select(s => s.Description).FirstOrDefault(d => d is not null),
        };
        var isSubtype = TypeMerging.SubtypeCheck(subgraphs);
        var enums = EnumUsage.Of(subgraphs);
        var names = subgraphs.SelectMany(s => s.Types.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var definitions = subgraphs.Where(s => s.Types.ContainsKey(name)).Select(s => (Subgraph: s, Type: s.Types[name])).ToList();
            var kind = definitions.Any(d => d.Type.InterfaceObject) ? SupergraphTypeKind.Interface : definitions[0].Type.Kind;
            var type = new MergedType(name, kind);
            MergeCommon(type, definitions.Select(d => (d.Type.Description, (string?)null, d.Type.Inaccessible, d.Type.Tags, d.Type.ComposedDirectives)));
            foreach (var (subgraph, definition) in definitions)
            {
                AddTypeJoins(type, subgraph, definition);
            }

            switch (kind)
            {
                case SupergraphTypeKind.Object or SupergraphTypeKind.Interface:
                    MergeFields(type, definitions, isSubtype);
                    break;
                case SupergraphTypeKind.InputObject:
                    MergeInputFields(type, definitions);
                    break;
                case SupergraphTypeKind.Enum:
                    MergeEnumValues(type, definitions, enums);
                    break;
                case SupergraphTypeKind.Union:
                    foreach (var (subgraph, definition) in definitions)
                    {
                        foreach (var member in definition.Members)
                        {
                            AddOnce(type.Members, member);
                            type.UnionMembers.Add((subgraph.GraphEnum, member));
                        }
                    }

                    break;
            }

            schema.Types[name] = type;
        }

        AddInterfaceObjectFields(schema);
        foreach (var directive in subgraphs.SelectMany(s => s.ComposedDirectives.Values))
        {
            schema.ComposedDirectives.TryAdd(directive.Name, directive);
        }

        return schema;
    }

    private static void AddTypeJoins(MergedType type, ParsedSubgraph subgraph, SubgraphTypeDef definition)
    {
        if (definition.Keys.Count == 0)
        {
            type.Joins.Add(new TypeJoinDef(subgraph.GraphEnum, null, definition.IsExtension, true, definition.InterfaceObject));
        }

        foreach (var key in definition.Keys)
        {
            type.Joins.Add(new TypeJoinDef(subgraph.GraphEnum, key.Fields, definition.IsExtension, key.Resolvable, definition.InterfaceObject));
        }

        foreach (var implemented in definition.Interfaces)
        {
            AddOnce(type.Interfaces, implemented);
            type.Implements.Add((subgraph.GraphEnum, implemented));
        }
    }

    private static void MergeFields(MergedType type, List<(ParsedSubgraph Subgraph, SubgraphTypeDef Type)> definitions, Func<string, string, bool> isSubtype)
    {
        var fieldNames = definitions.SelectMany(d => d.Type.Fields.Select(f => f.Name)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var fieldName in fieldNames)
        {
            var sources = definitions.Where(d => d.Type.Field(fieldName) is not null).Select(d => (d.Subgraph, Field: d.Type.Field(fieldName)!)).ToList();
            var resolving = sources.Where(s => !s.Field.External).Select(s => s.Field.Type).ToList();
            var fieldType = TypeMerging.MergeOutput(resolving.Count > 0 ? resolving : sources.Select(s => s.Field.Type), isSubtype) ?? sources[0].Field.Type;
            var field = new MergedField(fieldName, fieldType);
            MergeCommon(field, sources.Select(s => (s.Field.Description, s.Field.Deprecation, s.Field.Inaccessible, s.Field.Tags, s.Field.ComposedDirectives)));
            MergeArguments(field, sources.Where(s => !s.Field.External).Select(s => s.Field).DefaultIfEmpty(sources[0].Field).ToList());
            foreach (var (subgraph, source) in sources)
            {
                field.Sources[subgraph.Name] = source;
            }

            AddFieldJoins(type, field, definitions, sources);
            type.Fields.Add(field);
        }
    }

    private static void AddFieldJoins(
        MergedType type, MergedField field, List<(ParsedSubgraph Subgraph, SubgraphTypeDef Type)> definitions, List<(ParsedSubgraph Subgraph, SubgraphFieldDef Field)> sources)
    {
        var allTypesEqual = sources.All(s => s.Field.Type == sources[0].Field.Type);
        var overriders = sources.Where(s => s.Field.OverrideFrom is not null).ToList();
        var joins = new List<FieldJoinDef>();
        var needsJoin = !allTypesEqual || sources.Count < definitions.Count;
        foreach (var (subgraph, source) in sources)
        {
            var overrider = overriders.FirstOrDefault(o => o.Field.OverrideFrom == subgraph.Name && o.Subgraph != subgraph);
            string? label = overrider.Field?.OverrideLabel ?? source.OverrideLabel;
            var usedOverridden = false;
            if (overrider.Field is not null)
            {
                needsJoin = true;
                usedOverridden = label is null && IsKeyField(definitions.First(d => d.Subgraph == subgraph).Type, field.Name);
                if (label is null && !usedOverridden)
                {
                    continue;
                }
            }

            needsJoin |= source.External || source.Requires is not null || source.Provides is not null || source.OverrideFrom is not null || label is not null;
            if (!source.External && !usedOverridden)
            {
                field.ResolvingGraphs.Add(subgraph.Name);
            }

            joins.Add(new FieldJoinDef(
                subgraph.GraphEnum, source.Requires, source.Provides, allTypesEqual ? null : source.Type.ToString(),
                source.External, source.OverrideFrom, label, usedOverridden));
        }

        if (needsJoin)
        {
            field.Joins.AddRange(joins);
        }
    }

    private static bool IsKeyField(SubgraphTypeDef type, string fieldName) =>
        type.Keys.SelectMany(k => FieldSetParser.Parse(k.Fields)).Any(f => f.FieldName == fieldName);

    private static void MergeArguments(MergedField field, List<SubgraphFieldDef> sources)
    {
        foreach (var name in sources[0].Arguments.Select(a => a.Name))
        {
            var arguments = sources.Select(s => s.Arguments.Find(a => a.Name == name)).ToList();
            if (arguments.Any(a => a is null))
            {
                continue;
            }

            var argument = new MergedArgument(name, TypeMerging.MergeInput(arguments.Select(a => a!.Type)) ?? arguments[0]!.Type)
            {
                DefaultValue = arguments.Select(a => a!.DefaultValue).FirstOrDefault(d => d is not null),
            };
            MergeCommon(argument, arguments.Select(a => (a!.Description, a.Deprecation, a.Inaccessible, a.Tags, a.ComposedDirectives)));
            field.Arguments.Add(argument);
        }
    }

    private static void MergeInputFields(MergedType type, List<(ParsedSubgraph Subgraph, SubgraphTypeDef Type)> definitions)
    {
        foreach (var name in definitions[0].Type.Fields.Select(f => f.Name))
        {
            var sources = definitions.Select(d => d.Type.Field(name)).ToList();
            if (sources.Any(s => s is null))
            {
                continue;
            }

            var allEqual = sources.All(s => s!.Type == sources[0]!.Type);
            var field = new MergedField(name, TypeMerging.MergeInput(sources.Select(s => s!.Type)) ?? sources[0]!.Type);
            MergeCommon(field, sources.Select(s => (s!.Description, s.Deprecation, s.Inaccessible, s.Tags, s.ComposedDirectives)));
            var argument = new MergedArgument(name, field.Type)
            {
                DefaultValue = sources.Select(s => s!.Arguments[0].DefaultValue).FirstOrDefault(d => d is not null),
            };
            field.Arguments.Add(argument);
            if (!allEqual)
            {
                for (var i = 0; i < definitions.Count; i++)
                {
                    field.Joins.Add(new FieldJoinDef(definitions[i].Subgraph.GraphEnum, null, null, sources[i]!.Type.ToString(), false, null, null, false));
                }
            }

            type.Fields.Add(field);
        }
    }

    private static void MergeEnumValues(MergedType type, List<(ParsedSubgraph Subgraph, SubgraphTypeDef Type)> definitions, EnumUsage usage)
    {
        var intersect = usage.InputExample.ContainsKey(type.Name);
        var names = definitions.SelectMany(d => d.Type.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var sources = definitions.Select(d => (d.Subgraph, Value: d.Type.Values.Find(v => v.Name == name))).Where(s => s.Value is not null).ToList();
            if (intersect && sources.Count < definitions.Count)
            {
                continue;
            }

            var value = new MergedEnumValue(name);
            MergeCommon(value, sources.Select(s => (s.Value!.Description, s.Value.Deprecation, s.Value.Inaccessible, s.Value.Tags, s.Value.ComposedDirectives)));
            value.Graphs.AddRange(sources.Select(s => s.Subgraph.GraphEnum));
            type.Values.Add(value);
        }
    }

    /// <summary>
    /// Fields an <c>@interfaceObject</c> adds to an interface reach every implementation too; an implementation that
    /// no subgraph resolves the field on gets it with a bare <c>@join__field</c> (resolved through the interface object).
    /// </summary>
    private static void AddInterfaceObjectFields(MergedSchema schema)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == SupergraphTypeKind.Interface && t.Joins.Any(j => j.IsInterfaceObject)))
        {
            var objectGraphs = type.Joins.Where(j => j.IsInterfaceObject).Select(j => j.Graph).ToHashSet(StringComparer.Ordinal);
            var added = type.Fields.Where(f => f.Joins.Count > 0 && f.Joins.All(j => j.Graph is not null && objectGraphs.Contains(j.Graph))).ToList();
            foreach (var implementation in schema.Types.Values.Where(t => t.Interfaces.Contains(type.Name)))
            {
                foreach (var field in added.Where(f => implementation.Field(f.Name) is null))
                {
                    var copy = new MergedField(field.Name, field.Type) { Description = field.Description, Deprecation = field.Deprecation, Inaccessible = field.Inaccessible };
                    copy.Arguments.AddRange(field.Arguments);
                    copy.Joins.Add(new FieldJoinDef(null, null, null, null, false, null, null, false));
                    implementation.Fields.Add(copy);
                }
            }
        }
    }

    private static void MergeCommon(
        MergedElement element, IEnumerable<(string? Description, string? Deprecation, bool Inaccessible, List<string> Tags, List<string> Composed)> sources)
    {
        var descriptions = new List<string>();
        foreach (var (description, deprecation, inaccessible, tags, composed) in sources)
        {
            if (description is not null)
            {
                descriptions.Add(description);
            }

            element.Deprecation ??= deprecation;
            element.Inaccessible |= inaccessible;
            element.Tags.UnionWith(tags);
            foreach (var directive in composed)
            {
                AddOnce(element.ComposedDirectives, directive);
            }
        }

        element.Description = descriptions.GroupBy(d => d, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
