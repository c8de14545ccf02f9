using GraphQLParser.AST;

namespace ChildInfo.Federation.Composition.Parsing;

/// <summary>
/// INVALID_GRAPHQL for a directive the subgraph applies but neither defines, imports through <c>@link</c> nor gets
/// from GraphQL or federation.
/// </summary>
internal static class KnownDirectivesCheck
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "deprecated", "specifiedBy", "skip", "include", "oneOf", "link" };

    public static IEnumerable<CompositionError> Check(GraphQLDocument document, FederationDirectiveNames names, string subgraph)
    {
        var defined = document.Definitions.OfType<GraphQLDirectiveDefinition>().Select(d => d.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            foreach (var (directive, where) in Applied(definition))
            {
                var name = directive.Name.StringValue;
                if (BuiltIn.Contains(name) || defined.Contains(name) || names.Canonical(name) is not null || names.LinkedDirectives.ContainsKey(name)
                    || names.IsMachinery(name) || !reported.Add(name))
                {
                    continue;
                }

                yield return new CompositionError(
                    CompositionErrorCodes.InvalidGraphQL,
                    $"Unknown directive \"@{name}\" (on \"{where}\"): define it in the subgraph's schema, or import it with @link.",
                    subgraph,
                    where);
            }
        }
    }

    private static IEnumerable<(GraphQLDirective Directive, string Where)> Applied(ASTNode definition)
    {
        var owner = (definition as INamedNode)?.Name?.StringValue ?? "schema";
        if (definition is GraphQLDirectiveDefinition)
        {
            yield break;
        }

        foreach (var directive in (definition as IHasDirectivesNode)?.Directives?.Items ?? [])
        {
            yield return (directive, owner);
        }

        IEnumerable<GraphQLFieldDefinition> fields = definition switch
        {
            GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
            GraphQLObjectTypeExtension o => o.Fields?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
            GraphQLInterfaceTypeExtension i => i.Fields?.Items ?? [],
            _ => [],
        };
        foreach (var field in fields)
        {
            var coordinate = owner + "." + field.Name.StringValue;
            foreach (var directive in field.Directives?.Items ?? [])
            {
                yield return (directive, coordinate);
            }

            foreach (var argument in field.Arguments?.Items ?? [])
            {
                foreach (var directive in argument.Directives?.Items ?? [])
                {
                    yield return (directive, $"{coordinate}({argument.Name.StringValue}:)");
                }
            }
        }

        IEnumerable<INamedNode> children = definition switch
        {
            GraphQLInputObjectTypeDefinition i => i.Fields?.Items ?? [],
            GraphQLInputObjectTypeExtension i => i.Fields?.Items ?? [],
            GraphQLEnumTypeDefinition e => e.Values?.Items ?? [],
            GraphQLEnumTypeExtension e => e.Values?.Items ?? [],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var directive in ((IHasDirectivesNode)child).Directives?.Items ?? [])
            {
                yield return (directive, owner + "." + child.Name!.StringValue);
            }
        }
    }
}
