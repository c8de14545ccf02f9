using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Merging;

/// <summary>The merged supergraph before printing: the API types and, for each, which subgraphs resolve what.</summary>
internal sealed class MergedSchema(IReadOnlyList<ParsedSubgraph> subgraphs)
{
    public IReadOnlyList<ParsedSubgraph> Subgraphs { get; } = subgraphs;

    public string? Description { get; set; }

    public SortedDictionary<string, MergedType> Types { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, ComposedDirectiveDef> ComposedDirectives { get; } = new(StringComparer.Ordinal);

    public MergedType? Type(string name) => Types.GetValueOrDefault(name);
}

/// <summary>The elements every merged schema element may carry into the supergraph.</summary>
internal abstract class MergedElement(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    public string? Deprecation { get; set; }

    public bool Inaccessible { get; set; }

    public SortedSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public List<string> ComposedDirectives { get; } = [];
}

internal sealed class MergedType(string name, SupergraphTypeKind kind) : MergedElement(name)
{
    public SupergraphTypeKind Kind { get; } = kind;

    public List<TypeJoinDef> Joins { get; } = [];

    public List<string> Interfaces { get; } = [];

    public List<(string Graph, string Interface)> Implements { get; } = [];

    public List<string> Members { get; } = [];

    public List<(string Graph, string Member)> UnionMembers { get; } = [];

    public List<MergedEnumValue> Values { get; } = [];

    public List<MergedField> Fields { get; } = [];

    public MergedField? Field(string name) => Fields.Find(f => f.Name == name);
}

internal sealed record TypeJoinDef(string Graph, string? Key, bool Extension, bool Resolvable, bool IsInterfaceObject);

internal sealed record FieldJoinDef(
    string? Graph, string? Requires, string? Provides, string? Type, bool External, string? Override, string? OverrideLabel, bool UsedOverridden);

internal sealed class MergedEnumValue(string name) : MergedElement(name)
{
    public List<string> Graphs { get; } = [];
}

internal sealed class MergedField(string name, TypeRef type) : MergedElement(name)
{
    public TypeRef Type { get; set; } = type;

    public List<MergedArgument> Arguments { get; } = [];

    public List<FieldJoinDef> Joins { get; } = [];

    /// <summary>The subgraphs defining the field, by subgraph name.</summary>
    public Dictionary<string, SubgraphFieldDef> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Subgraphs that resolve the field (not external, not overridden away).</summary>
    public List<string> ResolvingGraphs { get; } = [];
}

internal sealed class MergedArgument(string name, TypeRef type) : MergedElement(name)
{
    public TypeRef Type { get; set; } = type;

    public string? DefaultValue { get; set; }
}
