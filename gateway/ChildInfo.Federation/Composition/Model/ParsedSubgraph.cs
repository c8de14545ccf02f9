namespace ChildInfo.Federation.Composition.Model;

/// <summary>One subgraph after parsing: its types with federation directives resolved, ready to validate and merge.</summary>
internal sealed class ParsedSubgraph(string name, string url, string graphEnum, bool isFederation1)
{
    public string Name { get; } = name;

    public string Url { get; } = url;

    /// <summary>The subgraph's value in the supergraph's <c>join__Graph</c> enum (its name, upper-cased).</summary>
    public string GraphEnum { get; } = graphEnum;

    public bool IsFederation1 { get; } = isFederation1;

    public string? Description { get; set; }

    public Dictionary<string, SubgraphTypeDef> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Directives named in <c>@composeDirective</c>: local name → definition text and the spec URL it is linked from.</summary>
    public Dictionary<string, ComposedDirectiveDef> ComposedDirectives { get; } = new(StringComparer.Ordinal);

    public SubgraphTypeDef? Type(string typeName) => Types.GetValueOrDefault(typeName);
}
