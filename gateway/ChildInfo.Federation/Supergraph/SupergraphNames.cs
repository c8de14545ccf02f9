using GraphQLParser.AST;

namespace ChildInfo.Federation.Supergraph;

/// <summary>The names the supergraph's <c>@link</c>s give to the join, link, inaccessible and tag machinery.</summary>
internal sealed record SupergraphNames(string Join, string Link, string Inaccessible, string Tag)
{
    public static SupergraphNames From(GraphQLDocument document)
    {
        string join = "join__", link = "link__", inaccessible = "inaccessible", tag = "tag";
        var sawJoin = false;
        var schema = document.Definitions.OfType<GraphQLSchemaDefinition>().FirstOrDefault();
        if (schema is not null)
        {
            foreach (var directive in Ast.Directives(schema, "link").Concat(Ast.Directives(schema, "core")))
            {
                var url = Ast.StringArg(directive, "url") ?? Ast.StringArg(directive, "feature") ?? string.Empty;
                var alias = Ast.StringArg(directive, "as");
                if (url.Contains("/join/", StringComparison.Ordinal))
                {
                    sawJoin = true;
                    join = (alias ?? "join") + "__";
                }
                else if (url.Contains("/link/", StringComparison.Ordinal) && alias is not null)
                {
                    link = alias + "__";
                }
                else if (url.Contains("/inaccessible/", StringComparison.Ordinal))
                {
                    inaccessible = ImportedAs(directive, "inaccessible") ?? alias ?? "inaccessible";
                }
                else if (url.Contains("/tag/", StringComparison.Ordinal))
                {
                    tag = ImportedAs(directive, "tag") ?? alias ?? "tag";
                }
            }
        }

        if (!sawJoin)
        {
            throw new SupergraphException("The supergraph does not @link the join specification: is it a federation 2 supergraph?");
        }

        return new SupergraphNames(join, link, inaccessible, tag);
    }

    /// <summary>The local name a <c>@link</c> imports a directive under (<c>{ name: "@inaccessible", as: "@fed__inaccessible" }</c>), if renamed.</summary>
    private static string? ImportedAs(GraphQLDirective link, string directive)
    {
        var imports = link.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "import")?.Value as GraphQLListValue;
        foreach (var item in (imports?.Values ?? []).OfType<GraphQLObjectValue>())
        {
            var name = (item.Fields?.FirstOrDefault(f => f.Name.StringValue == "name")?.Value as GraphQLStringValue)?.Value.ToString();
            var alias = (item.Fields?.FirstOrDefault(f => f.Name.StringValue == "as")?.Value as GraphQLStringValue)?.Value.ToString();
            if (name == "@" + directive && alias is not null)
            {
                return alias.TrimStart('@');
            }
        }

        return null;
    }

    /// <summary>Whether a type belongs to the federation machinery rather than the API.</summary>
    public bool IsMachinery(string typeName) =>
        typeName.StartsWith(Join, StringComparison.Ordinal) || typeName.StartsWith(Link, StringComparison.Ordinal);
}
