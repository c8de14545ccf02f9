using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Model;

/// <summary>A type as one subgraph defines it, with its federation directives resolved to their canonical names.</summary>
internal sealed class SubgraphTypeDef(string name, SupergraphTypeKind kind)
{
    public string Name { get; } = name;

    public SupergraphTypeKind Kind { get; } = kind;

    public string? Description { get; set; }

    public bool HasDefinition { get; set; }

    public bool HasExtension { get; set; }

    /// <summary>Marked <c>@extends</c>, or only extended (federation 2): Apollo's <c>extension: true</c>.</summary>
    public bool IsExtension { get; set; }

    public List<KeyDirective> Keys { get; } = [];

    public bool Shareable { get; set; }

    public bool InterfaceObject { get; set; }

    public bool Inaccessible { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> ComposedDirectives { get; } = [];

    public List<string> Interfaces { get; } = [];

    public List<string> Members { get; } = [];

    public List<SubgraphEnumValueDef> Values { get; } = [];

    public List<SubgraphFieldDef> Fields { get; } = [];

    public SubgraphFieldDef? Field(string fieldName) => Fields.Find(f => f.Name == fieldName);
}
