using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// Projects each subgraph's own schema out of a supergraph document, as Apollo's supergraph specification defines it:
/// a type belongs to the subgraphs of its <c>@join__type</c>s (all of them when it has none); a field to the
/// subgraphs of its <c>@join__field(graph:)</c>s, with the type given there (all that define its type when it has
/// none); interfaces, union members and enum values to the subgraphs their <c>@join__implements</c>,
/// <c>@join__unionMember</c> and <c>@join__enumValue</c> name (all, when the type has none of them). An
/// <c>@interfaceObject</c> is an object type in its subgraph.
/// </summary>
internal static class SubgraphProjection
{
    private static readonly HashSet<string> ExecutableLocations = new(StringComparer.Ordinal)
    {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION",
    };

    public static SubgraphSchema Project(GraphQLDocument document, SupergraphNames names, SubgraphInfo graph, (string Query, string? Mutation, string? Subscription) roots)
    {
        var types = new Dictionary<string, SubgraphType>(StringComparer.Ordinal);
        var sdl = new StringBuilder();
        var entities = new List<string>();
        var definitions = document.Definitions.OfType<GraphQLTypeDefinition>()
            .Where(d => d is not GraphQLDirectiveDefinition && !names.IsMachinery(d.Name.StringValue))
            .ToList();
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (IsIn((IHasDirectivesNode)definition, names.Join + "type", graph))
            {
                included.Add(definition.Name.StringValue);
            }
        }

        foreach (var definition in definitions)
        {
            var typeJoins = Ast.Directives((IHasDirectivesNode)definition, names.Join + "type").Where(d => IsGraph(d, graph)).ToList();
            if (typeJoins.Any(d => Ast.StringArg(d, "key") is not null)
                && (definition is GraphQLObjectTypeDefinition || typeJoins.Any(d => Ast.BoolArg(d, "isInterfaceObject", false))))
            {
                entities.Add(definition.Name.StringValue);
            }
        }

        foreach (var definition in definitions)
        {
            var name = definition.Name.StringValue;
            if (!included.Contains(name))
            {
                continue;
            }

            var interfaceObject = Ast.Directives((IHasDirectivesNode)definition, names.Join + "type")
                .Any(d => IsGraph(d, graph) && Ast.BoolArg(d, "isInterfaceObject", false));

            SubgraphType type;
            switch (definition)
            {
                case GraphQLObjectTypeDefinition or GraphQLInterfaceTypeDefinition:
                    var fieldDefinitions = definition is GraphQLObjectTypeDefinition o ? o.Fields : ((GraphQLInterfaceTypeDefinition)definition).Fields;
                    var implemented = definition is GraphQLObjectTypeDefinition oi ? oi.Interfaces : ((GraphQLInterfaceTypeDefinition)definition).Interfaces;
                    var kind = definition is GraphQLObjectTypeDefinition || interfaceObject ? SupergraphTypeKind.Object : SupergraphTypeKind.Interface;
                    var interfaces = interfaceObject ? [] : Filtered(
                        (IHasDirectivesNode)definition, names.Join + "implements", "interface", graph,
                        implemented?.Items.Select(i => i.Name.StringValue) ?? [], included);
                    var fields = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
                    sdl.Append(kind == SupergraphTypeKind.Object ? "type " : "interface ").Append(name);
                    if (interfaces.Count > 0)
                    {
                        sdl.Append(" implements ").Append(string.Join(" & ", interfaces));
                    }

                    sdl.Append(" {\n");
                    foreach (var field in fieldDefinitions?.Items ?? [])
                    {
                        if (FieldTypeIn(field, names, graph) is not { } fieldType)
                        {
                            continue;
                        }

                        fields[field.Name.StringValue] = fieldType;
                        sdl.Append("  ").Append(field.Name.StringValue);
                        AppendArguments(sdl, field.Arguments);
                        sdl.Append(": ").Append(fieldType).Append('\n');
                    }

                    if (name == roots.Query && entities.Count > 0)
                    {
                        sdl.Append("  _entities(representations: [_Any!]!): [_Entity]!\n");
                    }

                    sdl.Append("}\n\n");
                    type = new SubgraphType(name, kind, fields, interfaces, []);
                    break;
                case GraphQLUnionTypeDefinition union:
                    var members = Filtered(union, names.Join + "unionMember", "member", graph, union.Types?.Items.Select(t => t.Name.StringValue) ?? [], included);
                    if (members.Count > 0)
                    {
                        sdl.Append("union ").Append(name).Append(" = ").Append(string.Join(" | ", members)).Append("\n\n");
                    }

                    type = new SubgraphType(name, SupergraphTypeKind.Union, new Dictionary<string, TypeRef>(), [], members);
                    break;
                case GraphQLEnumTypeDefinition enumType:
                    var all = enumType.Values?.Items ?? [];
                    var perGraph = all.Any(v => Ast.Has(v, names.Join + "enumValue"));
                    sdl.Append("enum ").Append(name).Append(" {\n");
                    foreach (var value in all)
                    {
                        if (!perGraph || Ast.Directives(value, names.Join + "enumValue").Any(d => IsGraph(d, graph)))
                        {
                            sdl.Append("  ").Append(value.Name.StringValue).Append('\n');
                        }
                    }

                    sdl.Append("}\n\n");
                    type = new SubgraphType(name, SupergraphTypeKind.Enum, new Dictionary<string, TypeRef>(), [], []);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    var inputFields = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
                    sdl.Append("input ").Append(name).Append(" {\n");
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        if (IsIn(field, names.Join + "field", graph))
                        {
                            inputFields[field.Name.StringValue] = Ast.ToTypeRef(field.Type);
                            sdl.Append("  ");
                            AppendInputValue(sdl, field);
                            sdl.Append('\n');
                        }
                    }

                    sdl.Append("}\n\n");
                    type = new SubgraphType(name, SupergraphTypeKind.InputObject, inputFields, [], []);
                    break;
                default:
                    if (name is not ("String" or "Int" or "Float" or "Boolean" or "ID"))
                    {
                        sdl.Append("scalar ").Append(name).Append("\n\n");
                    }

                    type = new SubgraphType(name, SupergraphTypeKind.Scalar, new Dictionary<string, TypeRef>(), [], []);
                    break;
            }

            types[name] = type;
        }

        AppendFederation(sdl, types, entities, roots.Query);
        AppendRoots(sdl, types, roots);
        AppendExecutableDirectives(sdl, document, names);
        return new SubgraphSchema(graph.Name, types, sdl.ToString());
    }

    /// <summary>What every federation subgraph with entities adds: <c>_Any</c>, <c>_Entity</c> and <c>_entities</c> (on a query type it may otherwise lack).</summary>
    private static void AppendFederation(StringBuilder sdl, Dictionary<string, SubgraphType> types, List<string> entities, string query)
    {
        sdl.Append("scalar _Any\n\n");
        if (entities.Count == 0)
        {
            return;
        }

        sdl.Append("union _Entity = ").Append(string.Join(" | ", entities)).Append("\n\n");
        if (!types.ContainsKey(query))
        {
            sdl.Append("type ").Append(query).Append(" {\n  _entities(representations: [_Any!]!): [_Entity]!\n}\n\n");
            types[query] = new SubgraphType(query, SupergraphTypeKind.Object, new Dictionary<string, TypeRef>(), [], []);
        }
    }

    private static void AppendRoots(StringBuilder sdl, Dictionary<string, SubgraphType> types, (string Query, string? Mutation, string? Subscription) roots)
    {
        sdl.Append("schema {\n  query: ").Append(roots.Query).Append('\n');
        if (roots.Mutation is not null && types.ContainsKey(roots.Mutation))
        {
            sdl.Append("  mutation: ").Append(roots.Mutation).Append('\n');
        }

        if (roots.Subscription is not null && types.ContainsKey(roots.Subscription))
        {
            sdl.Append("  subscription: ").Append(roots.Subscription).Append('\n');
        }

        sdl.Append("}\n");
    }

    /// <summary>Directives a client may write in operations (the supergraph keeps those every subgraph defines).</summary>
    private static void AppendExecutableDirectives(StringBuilder sdl, GraphQLDocument document, SupergraphNames names)
    {
        foreach (var directive in document.Definitions.OfType<GraphQLDirectiveDefinition>())
        {
            var name = directive.Name.StringValue;
            if (name is "include" or "skip" or "deprecated" or "specifiedBy" || name.StartsWith(names.Join, StringComparison.Ordinal)
                || directive.Locations.Items.Any(l => !ExecutableLocations.Contains(l.ToString())))
            {
                continue;
            }

            sdl.Append("\ndirective @").Append(name);
            AppendArguments(sdl, directive.Arguments);
            if (directive.Repeatable)
            {
                sdl.Append(" repeatable");
            }

            sdl.Append(" on ").Append(string.Join(" | ", directive.Locations.Items.Select(l => l.ToString()))).Append('\n');
        }
    }

    /// <summary>The field's type in <paramref name="graph"/>, or null when the subgraph does not define it.</summary>
    private static TypeRef? FieldTypeIn(GraphQLFieldDefinition field, SupergraphNames names, SubgraphInfo graph)
    {
        var joins = Ast.Directives(field, names.Join + "field").ToList();
        if (joins.Count == 0)
        {
            return Ast.ToTypeRef(field.Type);
        }

        foreach (var join in joins)
        {
            if (IsGraph(join, graph))
            {
                return Ast.StringArg(join, "type") is { } typeText ? ParseType(typeText.AsSpan().Trim()) : Ast.ToTypeRef(field.Type);
            }
        }

        return null;
    }

    /// <summary>Reads a type reference as <c>@join__field(type:)</c> writes it (<c>[ID!]!</c>).</summary>
    private static TypeRef ParseType(ReadOnlySpan<char> text)
    {
        if (text.EndsWith("!"))
        {
            return TypeRef.NonNullOf(ParseType(text[..^1].TrimEnd()));
        }

        if (text.StartsWith("[") && text.EndsWith("]"))
        {
            return TypeRef.ListOf(ParseType(text[1..^1].Trim()));
        }

        return text.Length > 0 && !text.ContainsAny("[]! ")
            ? TypeRef.Named(text.ToString())
            : throw new SupergraphException($"'@join__field(type:)' has a malformed type '{text}'.");
    }

    /// <summary>Whether a node belongs to <paramref name="graph"/>: it has no such directive at all, or one naming the graph.</summary>
    private static bool IsIn(IHasDirectivesNode node, string directive, SubgraphInfo graph)
    {
        var any = false;
        foreach (var join in Ast.Directives(node, directive))
        {
            any = true;
            if (IsGraph(join, graph))
            {
                return true;
            }
        }

        return !any;
    }

    private static bool IsGraph(GraphQLDirective directive, SubgraphInfo graph) => Ast.StringArg(directive, "graph") == graph.EnumValue;

    /// <summary>The names a per-graph directive lists for <paramref name="graph"/>, or (when the type has none) those of <paramref name="all"/> the graph has.</summary>
    private static List<string> Filtered(IHasDirectivesNode node, string directive, string argument, SubgraphInfo graph, IEnumerable<string> all, HashSet<string> included)
    {
        var joins = Ast.Directives(node, directive).ToList();
        return joins.Count == 0
            ? [.. all.Where(included.Contains)]
            : [.. joins.Where(d => IsGraph(d, graph)).Select(d => Ast.StringArg(d, argument)).OfType<string>().Where(included.Contains)];
    }

    private static void AppendArguments(StringBuilder sdl, GraphQLArgumentsDefinition? arguments)
    {
        if (arguments is not { Items.Count: > 0 })
        {
            return;
        }

        sdl.Append('(');
        for (var i = 0; i < arguments.Items.Count; i++)
        {
            if (i > 0)
            {
                sdl.Append(", ");
            }

            AppendInputValue(sdl, arguments.Items[i]);
        }

        sdl.Append(')');
    }

    private static void AppendInputValue(StringBuilder sdl, GraphQLInputValueDefinition value)
    {
        sdl.Append(value.Name.StringValue).Append(": ").Append(Ast.ToTypeRef(value.Type));
        if (value.DefaultValue is not null)
        {
            sdl.Append(" = ");
            new SDLPrinter().Print(value.DefaultValue, sdl);
        }
    }
}
