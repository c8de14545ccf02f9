using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Federation.Composition.Parsing;

/// <summary>
/// The first step: parses one subgraph's SDL into a <see cref="ParsedSubgraph"/>, resolving how it names the
/// federation directives, dropping the federation machinery (<c>_service</c>, <c>_entities</c>, <c>_Any</c>, ...)
/// and upgrading federation 1 conventions (<c>@external</c> on the keys of type extensions).
/// </summary>
internal static class SubgraphParser
{
    public static ParsedSubgraph? Parse(SubgraphSdl sdl, List<CompositionError> errors)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(sdl.Sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException ex)
        {
            errors.Add(new CompositionError(CompositionErrorCodes.InvalidGraphQL, ex.Message, sdl.Name));
            return null;
        }

        var names = FederationDirectiveNames.From(document, out var unknownVersion);
        if (unknownVersion is not null)
        {
            errors.Add(new CompositionError(
                CompositionErrorCodes.UnknownFederationLinkVersion,
                $"Invalid version v{unknownVersion} for the federation feature in @link directive on schema",
                sdl.Name));
            return null;
        }

        var unknownDirectives = KnownDirectivesCheck.Check(document, names, sdl.Name).ToList();
        if (unknownDirectives.Count > 0)
        {
            errors.AddRange(unknownDirectives);
            return null;
        }

        var subgraph = new ParsedSubgraph(sdl.Name, sdl.Url, GraphEnumName(sdl.Name), names.IsFederation1);
        var composed = ReadComposeDirectives(document, names, subgraph, errors);
        var reader = new ElementReader(names, composed);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLSchemaDefinition schema && schema.Description is not null)
            {
                subgraph.Description = schema.Description.Value.ToString();
            }

            if (definition is not (GraphQLTypeDefinition or GraphQLTypeExtension) || definition is GraphQLDirectiveDefinition)
            {
                continue;
            }

            var name = ((INamedNode)definition).Name!.StringValue;
            if (names.IsMachinery(name))
            {
                continue;
            }

            var kind = KindOf(definition);
            if (!subgraph.Types.TryGetValue(name, out var type))
            {
                type = new SubgraphTypeDef(name, kind);
                subgraph.Types[name] = type;
            }
            else if (type.Kind != kind)
            {
                errors.Add(new CompositionError(CompositionErrorCodes.InvalidGraphQL, $"Type \"{name}\" is defined with different kinds.", sdl.Name, name));
                continue;
            }

            reader.ReadType(definition, type);
        }

        // Every subgraph has a query root (its _service and _entities fields), so each one joins Query.
        if (!subgraph.Types.ContainsKey("Query"))
        {
            subgraph.Types["Query"] = new SubgraphTypeDef("Query", SupergraphTypeKind.Object) { HasDefinition = true };
        }

        foreach (var type in subgraph.Types.Values)
        {
            type.IsExtension = type.IsExtension
                || (!names.IsFederation1 && type.HasExtension && !type.HasDefinition && type.Name is not ("Query" or "Mutation" or "Subscription"));
            if (names.IsFederation1)
            {
                UpgradeFederation1(type);
            }
        }

        return subgraph;
    }

    /// <summary>The subgraph's <c>join__Graph</c> value: its name upper-cased, other characters as underscores.</summary>
    public static string GraphEnumName(string name)
    {
        var chars = name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var result = new string(chars);
        return char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }

    private static void UpgradeFederation1(SubgraphTypeDef type)
    {
        var keyFields = type.Keys.SelectMany(k => FieldSetParser.Parse(k.Fields)).Where(f => f.FieldName is not null).Select(f => f.FieldName!).ToHashSet(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            field.Shareable = true;
            if (keyFields.Contains(field.Name))
            {
                field.External = false;
            }
        }
    }

    private static Dictionary<string, string> ReadComposeDirectives(
        GraphQLDocument document, FederationDirectiveNames names, ParsedSubgraph subgraph, List<CompositionError> errors)
    {
        var composed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is not (GraphQLSchemaDefinition or GraphQLSchemaExtension))
            {
                continue;
            }

            foreach (var directive in ((IHasDirectivesNode)definition).Directives?.Items ?? [])
            {
                if (names.Canonical(directive.Name.StringValue) != "composeDirective")
                {
                    continue;
                }

                var name = (Ast.StringArg(directive, "name") ?? string.Empty).TrimStart('@');
                var directiveDefinition = document.Definitions.OfType<GraphQLDirectiveDefinition>().FirstOrDefault(d => d.Name.StringValue == name);
                if (directiveDefinition is null)
                {
                    errors.Add(new CompositionError(
                        CompositionErrorCodes.DirectiveCompositionError,
                        $"Could not find matching directive definition for argument to @composeDirective \"@{name}\" in subgraph \"{subgraph.Name}\".",
                        subgraph.Name,
                        "@" + name));
                    continue;
                }

                composed[name] = name;
                subgraph.ComposedDirectives[name] = new ComposedDirectiveDef(name, DirectiveDefinitionText(directiveDefinition), names.LinkedDirectives.GetValueOrDefault(name));
            }
        }

        return composed;
    }

    private static string DirectiveDefinitionText(GraphQLDirectiveDefinition definition)
    {
        var arguments = definition.Arguments is { Count: > 0 } args
            ? "(" + string.Join(", ", args.Items.Select(a => a.Name.StringValue + ": " + Ast.ToTypeRef(a.Type) + (a.DefaultValue is null ? string.Empty : " = " + ValuePrinter.Print(a.DefaultValue)))) + ")"
            : string.Empty;
        var locations = string.Join(" | ", definition.Locations.Items.Select(l => LocationName(l)));
        return $"directive @{definition.Name.StringValue}{arguments}{(definition.Repeatable ? " repeatable" : string.Empty)} on {locations}";
    }

    private static string LocationName(DirectiveLocation location)
    {
        var name = location.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
    }

    private static SupergraphTypeKind KindOf(ASTNode definition) => definition switch
    {
        GraphQLObjectTypeDefinition or GraphQLObjectTypeExtension => SupergraphTypeKind.Object,
        GraphQLInterfaceTypeDefinition or GraphQLInterfaceTypeExtension => SupergraphTypeKind.Interface,
        GraphQLUnionTypeDefinition or GraphQLUnionTypeExtension => SupergraphTypeKind.Union,
        GraphQLEnumTypeDefinition or GraphQLEnumTypeExtension => SupergraphTypeKind.Enum,
        GraphQLInputObjectTypeDefinition or GraphQLInputObjectTypeExtension => SupergraphTypeKind.InputObject,
        _ => SupergraphTypeKind.Scalar,
    };
}
