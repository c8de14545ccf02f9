using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Composition.Parsing;

/// <summary>
/// How one subgraph names the federation directives: imported (<c>@key</c>), renamed on import (<c>{ name: "@key",
/// as: "@primaryKey" }</c>) or namespaced (<c>@federation__key</c>, or <c>@fed__key</c> with <c>as: "fed"</c>);
/// federation 1 subgraphs (no <c>@link</c>) use the bare names.
/// </summary>
internal sealed class FederationDirectiveNames
{
    public static readonly string[] All =
    [
        "key", "requires", "provides", "external", "shareable", "extends", "override", "inaccessible", "tag",
        "interfaceObject", "composeDirective", "authenticated", "requiresScopes", "policy", "context", "fromContext",
        "cost", "listSize",
    ];

    /// <summary>The federation versions this composition knows.</summary>
    public static readonly string[] KnownVersions =
        ["2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11"];

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkPrefixes = new(StringComparer.Ordinal);

    private FederationDirectiveNames(bool isFederation1, string? version)
    {
        IsFederation1 = isFederation1;
        Version = version;
    }

    public bool IsFederation1 { get; }

    public string? Version { get; }

    /// <summary>Spec URL of every other <c>@link</c>ed feature, by the local name of each directive it imports.</summary>
    public Dictionary<string, string> LinkedDirectives { get; } = new(StringComparer.Ordinal);

    /// <summary>The canonical federation name of a directive as the subgraph spells it, or null when it is not federation's.</summary>
    public string? Canonical(string localName) => _canonical.GetValueOrDefault(localName);

    /// <summary>Whether a type or directive name belongs to the federation or link machinery rather than the subgraph's schema.</summary>
    public bool IsMachinery(string name) =>
        name is "_Any" or "_Service" or "_Entity" or "FieldSet" or "_FieldSet" or "Import" or "Purpose"
        || name.StartsWith("federation__", StringComparison.Ordinal)
        || name.StartsWith("link__", StringComparison.Ordinal)
        || name.StartsWith("join__", StringComparison.Ordinal)
        || _linkPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    public static FederationDirectiveNames From(GraphQLDocument document, out string? unknownVersion)
    {
        unknownVersion = null;
        var links = new List<GraphQLDirective>();
        foreach (var definition in document.Definitions)
        {
            if (definition is IHasDirectivesNode node and (GraphQLSchemaDefinition or GraphQLSchemaExtension))
            {
                links.AddRange(Ast.Directives(node, "link"));
            }
        }

        var federationLink = links.FirstOrDefault(l => (Ast.StringArg(l, "url") ?? string.Empty).Contains("specs.apollo.dev/federation/", StringComparison.Ordinal));
        if (federationLink is null)
        {
            var fed1 = new FederationDirectiveNames(true, null);
            foreach (var name in All)
            {
                fed1._canonical[name] = name;
            }

            return fed1;
        }

        var url = Ast.StringArg(federationLink, "url")!;
        var version = url[(url.LastIndexOf("/v", StringComparison.Ordinal) + 2)..];
        if (!KnownVersions.Contains(version))
        {
            unknownVersion = version;
        }

        var names = new FederationDirectiveNames(false, version);
        var prefix = (Ast.StringArg(federationLink, "as") ?? "federation") + "__";
        names._linkPrefixes.Add(prefix);
        foreach (var name in All)
        {
            names._canonical[prefix + name] = name;
        }

        foreach (var (name, alias) in Imports(federationLink))
        {
            names._canonical[alias] = name;
        }

        foreach (var link in links.Where(l => l != federationLink))
        {
            var linkUrl = Ast.StringArg(link, "url") ?? string.Empty;
            if (linkUrl.Contains("specs.apollo.dev/link/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (_, alias) in Imports(link))
            {
                names.LinkedDirectives[alias] = linkUrl;
            }
        }

        return names;
    }

    private static IEnumerable<(string Name, string Alias)> Imports(GraphQLDirective link)
    {
        if (Ast.Arg(link, "import") is not GraphQLListValue list)
        {
            yield break;
        }

        foreach (var item in list.Values ?? [])
        {
            switch (item)
            {
                case GraphQLStringValue s when s.Value.Span.StartsWith("@"):
                    var name = s.Value.ToString()[1..];
                    yield return (name, name);
                    break;
                case GraphQLObjectValue o:
                    var imported = o.Fields?.FirstOrDefault(f => f.Name.StringValue == "name")?.Value as GraphQLStringValue;
                    var alias = o.Fields?.FirstOrDefault(f => f.Name.StringValue == "as")?.Value as GraphQLStringValue;
                    if (imported is not null && imported.Value.Span.StartsWith("@"))
                    {
                        var importedName = imported.Value.ToString()[1..];
                        yield return (importedName, alias is null ? importedName : alias.Value.ToString().TrimStart('@'));
                    }

                    break;
            }
        }
    }
}
