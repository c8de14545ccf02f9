using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Model;

/// <summary>A field as one subgraph defines it, with its federation directives.</summary>
internal sealed class SubgraphFieldDef(string name, TypeRef type)
{
    public string Name { get; } = name;

    public TypeRef Type { get; } = type;

    public string? Description { get; set; }

    public string? Deprecation { get; set; }

    public List<SubgraphArgumentDef> Arguments { get; } = [];

    public bool Shareable { get; set; }

    public bool External { get; set; }

    public string? Requires { get; set; }

    public string? Provides { get; set; }

    public string? OverrideFrom { get; set; }

    public string? OverrideLabel { get; set; }

    public bool Inaccessible { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> ComposedDirectives { get; } = [];
}
