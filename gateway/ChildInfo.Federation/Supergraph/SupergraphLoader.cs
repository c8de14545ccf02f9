using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Federation.Supergraph;

/// <summary>Loads an Apollo Federation 2 supergraph SDL into a <see cref="SupergraphSchema"/>.</summary>
public static class SupergraphLoader
{
    public static SupergraphSchema Load(string supergraphSdl)
    {
        ArgumentNullException.ThrowIfNull(supergraphSdl);
        var document = Parse(supergraphSdl);
        var names = SupergraphNames.From(document);
        var graphs = ReadGraphs(document, names);
        var byEnum = graphs.ToDictionary(g => g.EnumValue, g => g.Name, StringComparer.Ordinal);

        var types = new Dictionary<string, SupergraphType>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLTypeDefinition typeDefinition and not GraphQLDirectiveDefinition && !names.IsMachinery(typeDefinition.Name.StringValue))
            {
                var type = ReadType(typeDefinition, names, byEnum);
                types[type.Name] = type;
            }
        }

        var (query, mutation, subscription) = ReadRootTypes(document, types);
        var hiddenEnumValues = HiddenEnumValues(document, names);
        var subgraphSchemas = graphs.ToDictionary(
            g => g.Name, g => SubgraphProjection.Project(document, names, g, (query, mutation, subscription)), StringComparer.Ordinal);
        var apiSdl = ApiSchemaPrinter.Print(Parse(supergraphSdl), names);
        return new SupergraphSchema(graphs, types, query, mutation, subscription, apiSdl, subgraphSchemas) { HiddenEnumValues = hiddenEnumValues };
    }

    /// <summary>Per enum that has any, its values marked <c>@inaccessible</c>; null when no enum has one.</summary>
    private static Dictionary<string, IReadOnlySet<string>>? HiddenEnumValues(GraphQLDocument document, SupergraphNames names)
    {
        Dictionary<string, IReadOnlySet<string>>? result = null;
        foreach (var enumType in document.Definitions.OfType<GraphQLEnumTypeDefinition>())
        {
            var hidden = (enumType.Values?.Items ?? []).Where(v => Ast.Has(v, names.Inaccessible)).Select(v => v.Name.StringValue).ToHashSet(StringComparer.Ordinal);
            if (hidden.Count > 0 && !names.IsMachinery(enumType.Name.StringValue))
            {
                (result ??= new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal))[enumType.Name.StringValue] = hidden;
            }
        }

        return result;
    }

    private static GraphQLDocument Parse(string sdl)
    {
        try
        {
            return Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException ex)
        {
            throw new SupergraphException("The supergraph SDL does not parse: " + ex.Message, ex);
        }
    }

    private static List<SubgraphInfo> ReadGraphs(GraphQLDocument document, SupergraphNames names)
    {
        var graphEnum = document.Definitions.OfType<GraphQLEnumTypeDefinition>()
            .FirstOrDefault(e => e.Name.StringValue == names.Join + "Graph")
            ?? throw new SupergraphException($"The supergraph has no '{names.Join}Graph' enum: is it a federation 2 supergraph?");
        var graphs = new List<SubgraphInfo>();
        foreach (var value in graphEnum.Values?.Items ?? [])
        {
            var directive = Ast.Directives(value, names.Join + "graph").FirstOrDefault()
                ?? throw new SupergraphException($"Graph '{value.Name.StringValue}' has no @{names.Join}graph directive.");
            var name = Ast.StringArg(directive, "name") ?? value.Name.StringValue.ToLowerInvariant();
            graphs.Add(new SubgraphInfo(name, value.Name.StringValue, Ast.StringArg(directive, "url") ?? string.Empty));
        }

        return graphs;
    }

    private static (string Query, string? Mutation, string? Subscription) ReadRootTypes(
        GraphQLDocument document, Dictionary<string, SupergraphType> types)
    {
        string? query = null, mutation = null, subscription = null;
        var schema = document.Definitions.OfType<GraphQLSchemaDefinition>().FirstOrDefault();
        if (schema is not null)
        {
            foreach (var root in schema.OperationTypes)
            {
                var name = root.Type!.Name.StringValue;
                switch (root.Operation)
                {
                    case OperationType.Query: query = name; break;
                    case OperationType.Mutation: mutation = name; break;
                    case OperationType.Subscription: subscription = name; break;
                }
            }
        }

        query ??= types.ContainsKey("Query") ? "Query" : null;
        mutation ??= types.ContainsKey("Mutation") ? "Mutation" : null;
        subscription ??= types.ContainsKey("Subscription") ? "Subscription" : null;
        return (query ?? throw new SupergraphException("The supergraph has no query type."), mutation, subscription);
    }

    private static SupergraphType ReadType(GraphQLTypeDefinition definition, SupergraphNames names, Dictionary<string, string> byEnum)
    {
        var name = definition.Name.StringValue;
        var kind = definition switch
        {
            GraphQLObjectTypeDefinition => SupergraphTypeKind.Object,
            GraphQLInterfaceTypeDefinition => SupergraphTypeKind.Interface,
            GraphQLUnionTypeDefinition => SupergraphTypeKind.Union,
            GraphQLEnumTypeDefinition => SupergraphTypeKind.Enum,
            GraphQLInputObjectTypeDefinition => SupergraphTypeKind.InputObject,
            _ => SupergraphTypeKind.Scalar,
        };

        var joins = ReadTypeJoins((IHasDirectivesNode)definition, names, byEnum);
        var fields = new Dictionary<string, SupergraphField>(StringComparer.Ordinal);
        IEnumerable<GraphQLFieldDefinition> fieldDefinitions = definition switch
        {
            GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
            _ => [],
        };
        foreach (var field in fieldDefinitions)
        {
            fields[field.Name.StringValue] = ReadField(field, names, byEnum);
        }

        if (definition is GraphQLInputObjectTypeDefinition input)
        {
            foreach (var field in input.Fields?.Items ?? [])
            {
                fields[field.Name.StringValue] = new SupergraphField(
                    field.Name.StringValue, Ast.ToTypeRef(field.Type), [], false, Ast.Has(field, names.Inaccessible));
            }
        }

        var interfaces = definition switch
        {
            GraphQLObjectTypeDefinition o => o.Interfaces?.Items.Select(i => i.Name.StringValue).ToArray() ?? [],
            GraphQLInterfaceTypeDefinition i => i.Interfaces?.Items.Select(x => x.Name.StringValue).ToArray() ?? [],
            _ => [],
        };
        var implementsByGraph = GroupByGraph((IHasDirectivesNode)definition, names.Join + "implements", "interface", byEnum);
        var members = definition is GraphQLUnionTypeDefinition union
            ? union.Types?.Items.Select(t => t.Name.StringValue).ToArray() ?? []
            : [];
        var membersByGraph = GroupByGraph((IHasDirectivesNode)definition, names.Join + "unionMember", "member", byEnum);

        return new SupergraphType(
            name, kind, fields, joins, interfaces, implementsByGraph, members, membersByGraph, Ast.Has((IHasDirectivesNode)definition, names.Inaccessible));
    }

    private static Dictionary<string, TypeJoin> ReadTypeJoins(IHasDirectivesNode definition, SupergraphNames names, Dictionary<string, string> byEnum)
    {
        var joins = new Dictionary<string, TypeJoin>(StringComparer.Ordinal);
        foreach (var directive in Ast.Directives(definition, names.Join + "type"))
        {
            var graph = GraphName(directive, byEnum);
            var keyText = Ast.StringArg(directive, "key");
            var keys = new List<KeyDefinition>();
            if (joins.TryGetValue(graph, out var existing))
            {
                keys.AddRange(existing.Keys);
            }

            if (keyText is not null)
            {
                keys.Add(new KeyDefinition(keyText, FieldSetParser.Parse(keyText), Ast.BoolArg(directive, "resolvable", true)));
            }

            joins[graph] = new TypeJoin(
                graph,
                keys,
                Ast.BoolArg(directive, "extension", false) || (existing?.Extension ?? false),
                Ast.BoolArg(directive, "isInterfaceObject", false) || (existing?.IsInterfaceObject ?? false));
        }

        return joins;
    }

    private static SupergraphField ReadField(GraphQLFieldDefinition field, SupergraphNames names, Dictionary<string, string> byEnum)
    {
        var joins = new List<FieldJoin>();
        var hasJoinField = false;
        foreach (var directive in Ast.Directives(field, names.Join + "field"))
        {
            hasJoinField = true;
            if (Ast.Arg(directive, "graph") is null)
            {
                continue;
            }

            var requires = Ast.StringArg(directive, "requires");
            var provides = Ast.StringArg(directive, "provides");
            joins.Add(new FieldJoin(
                GraphName(directive, byEnum),
                requires is null ? null : FieldSetParser.Parse(requires),
                requires,
                provides is null ? null : FieldSetParser.Parse(provides),
                provides,
                Ast.StringArg(directive, "type"),
                Ast.BoolArg(directive, "external", false),
                Ast.StringArg(directive, "override"),
                Ast.BoolArg(directive, "usedOverridden", false)));
        }

        return new SupergraphField(field.Name.StringValue, Ast.ToTypeRef(field.Type), joins, hasJoinField, Ast.Has(field, names.Inaccessible));
    }

    private static Dictionary<string, IReadOnlySet<string>> GroupByGraph(
        IHasDirectivesNode node, string directiveName, string argument, Dictionary<string, string> byEnum)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var directive in Ast.Directives(node, directiveName))
        {
            var graph = GraphName(directive, byEnum);
            var value = Ast.StringArg(directive, argument);
            if (value is null)
            {
                continue;
            }

            if (!result.TryGetValue(graph, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                result[graph] = set;
            }

            ((HashSet<string>)set).Add(value);
        }

        return result;
    }

    private static string GraphName(GraphQLDirective directive, Dictionary<string, string> byEnum)
    {
        var value = Ast.StringArg(directive, "graph") ?? throw new SupergraphException($"@{directive.Name.StringValue} has no graph argument.");
        return byEnum.TryGetValue(value, out var name) ? name : throw new SupergraphException($"Unknown graph '{value}'.");
    }
}
