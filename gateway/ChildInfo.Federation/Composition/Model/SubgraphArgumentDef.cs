using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Model;

/// <summary>A field argument (or input field) as one subgraph defines it.</summary>
internal sealed class SubgraphArgumentDef(string name, TypeRef type)
{
    public string Name { get; } = name;

    public TypeRef Type { get; } = type;

    public string? Description { get; set; }

    public string? DefaultValue { get; set; }

    public string? Deprecation { get; set; }

    public bool Inaccessible { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> ComposedDirectives { get; } = [];
}
