namespace ChildInfo.Federation.Composition.Model;

/// <summary>An enum value as one subgraph defines it.</summary>
internal sealed class SubgraphEnumValueDef(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public string? Deprecation { get; set; }

    public bool Inaccessible { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> ComposedDirectives { get; } = [];
}
