using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// Derives the API schema from a supergraph document: drops the join and link machinery, every directive that is
/// not part of the API, and everything marked <c>@inaccessible</c>.
/// </summary>
internal static class ApiSchemaPrinter
{
    private static readonly HashSet<string> KeptDirectives = new(StringComparer.Ordinal) { "deprecated", "specifiedBy", "oneOf" };

    public static string Print(GraphQLDocument document, SupergraphNames names)
    {
        var removedTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>().Where(d => d is not GraphQLDirectiveDefinition))
        {
            var name = definition.Name.StringValue;
            if (names.IsMachinery(name) || Ast.Has((IHasDirectivesNode)definition, names.Inaccessible))
            {
                removedTypes.Add(name);
            }
        }

        document.Definitions.RemoveAll(d =>
            d is GraphQLDirectiveDefinition
            || (d is GraphQLTypeDefinition t && removedTypes.Contains(t.Name.StringValue))
            || d is GraphQLTypeExtension);

        foreach (var definition in document.Definitions)
        {
            Strip(definition, names, removedTypes);
        }

        var builder = new StringBuilder();
        new SDLPrinter().Print(document, builder);
        return builder.ToString();
    }

    private static void Strip(ASTNode definition, SupergraphNames names, HashSet<string> removedTypes)
    {
        switch (definition)
        {
            case GraphQLSchemaDefinition schema:
                schema.Directives = null;
                schema.OperationTypes.RemoveAll(o => removedTypes.Contains(o.Type!.Name.StringValue));
                break;
            case GraphQLObjectTypeDefinition o:
                StripDirectives(o);
                StripInterfaces(o.Interfaces, removedTypes);
                if (o.Interfaces is { Items.Count: 0 })
                {
                    o.Interfaces = null;
                }

                StripFields(o.Fields, names, removedTypes);
                break;
            case GraphQLInterfaceTypeDefinition i:
                StripDirectives(i);
                StripInterfaces(i.Interfaces, removedTypes);
                if (i.Interfaces is { Items.Count: 0 })
                {
                    i.Interfaces = null;
                }

                StripFields(i.Fields, names, removedTypes);
                break;
            case GraphQLUnionTypeDefinition u:
                StripDirectives(u);
                u.Types?.Items.RemoveAll(t => removedTypes.Contains(t.Name.StringValue));
                break;
            case GraphQLEnumTypeDefinition e:
                StripDirectives(e);
                e.Values?.Items.RemoveAll(v => Ast.Has(v, names.Inaccessible));
                foreach (var value in e.Values?.Items ?? [])
                {
                    StripDirectives(value);
                }

                break;
            case GraphQLInputObjectTypeDefinition input:
                StripDirectives(input);
                input.Fields?.Items.RemoveAll(f => Ast.Has(f, names.Inaccessible) || removedTypes.Contains(NamedType(f.Type)));
                foreach (var field in input.Fields?.Items ?? [])
                {
                    StripDirectives(field);
                }

                break;
            case GraphQLScalarTypeDefinition scalar:
                StripDirectives(scalar);
                break;
        }
    }

    private static void StripFields(GraphQLFieldsDefinition? fields, SupergraphNames names, HashSet<string> removedTypes)
    {
        if (fields is null)
        {
            return;
        }

        fields.Items.RemoveAll(f => Ast.Has(f, names.Inaccessible) || removedTypes.Contains(NamedType(f.Type)));
        foreach (var field in fields.Items)
        {
            StripDirectives(field);
            if (field.Arguments is null)
            {
                continue;
            }

            field.Arguments.Items.RemoveAll(a => Ast.Has(a, names.Inaccessible) || removedTypes.Contains(NamedType(a.Type)));
            foreach (var argument in field.Arguments.Items)
            {
                StripDirectives(argument);
            }

            if (field.Arguments.Items.Count == 0)
            {
                field.Arguments = null;
            }
        }
    }

    private static void StripInterfaces(GraphQLImplementsInterfaces? interfaces, HashSet<string> removedTypes) =>
        interfaces?.Items.RemoveAll(i => removedTypes.Contains(i.Name.StringValue));

    private static void StripDirectives(IHasDirectivesNode node)
    {
        if (node.Directives is null)
        {
            return;
        }

        node.Directives.Items.RemoveAll(d => !KeptDirectives.Contains(d.Name.StringValue));
        if (node.Directives.Items.Count == 0)
        {
            node.Directives = null;
        }
    }

    private static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nn => NamedType(nn.Type),
        GraphQLListType list => NamedType(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => string.Empty,
    };
}
