using GraphQLParser.AST;

namespace ChildInfo.Federation.Supergraph;

/// <summary>Small helpers over the GraphQL-Parser AST.</summary>
internal static class Ast
{
    public static string Str(GraphQLName name) => name.StringValue;

    public static IEnumerable<GraphQLDirective> Directives(IHasDirectivesNode node, string name)
    {
        if (node.Directives is null)
        {
            yield break;
        }

        foreach (var directive in node.Directives.Items)
        {
            if (directive.Name.Value == name)
            {
                yield return directive;
            }
        }
    }

    public static bool Has(IHasDirectivesNode node, string name) => Directives(node, name).Any();

    public static GraphQLValue? Arg(GraphQLDirective directive, string name)
    {
        if (directive.Arguments is null)
        {
            return null;
        }

        foreach (var argument in directive.Arguments.Items)
        {
            if (argument.Name.Value == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public static string? StringArg(GraphQLDirective directive, string name) => Arg(directive, name) switch
    {
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        _ => null,
    };

    public static bool BoolArg(GraphQLDirective directive, string name, bool fallback) => Arg(directive, name) switch
    {
        GraphQLTrueBooleanValue => true,
        GraphQLFalseBooleanValue => false,
        GraphQLBooleanValue b => b.BoolValue,
        _ => fallback,
    };

    public static TypeRef ToTypeRef(GraphQLType type) => type switch
    {
        GraphQLNonNullType nn => TypeRef.NonNullOf(ToTypeRef(nn.Type)),
        GraphQLListType list => TypeRef.ListOf(ToTypeRef(list.Type)),
        GraphQLNamedType named => TypeRef.Named(named.Name.StringValue),
        _ => throw new SupergraphException("Unsupported type reference."),
    };
}
