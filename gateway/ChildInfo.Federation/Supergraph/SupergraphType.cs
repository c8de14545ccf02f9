using System.Collections.Frozen;

namespace ChildInfo.Federation.Supergraph;

/// <summary>A named type of the supergraph with its federation metadata.</summary>
public sealed class SupergraphType
{
    internal SupergraphType(
        string name,
        SupergraphTypeKind kind,
        IReadOnlyDictionary<string, SupergraphField> fields,
        IReadOnlyDictionary<string, TypeJoin> joins,
        IReadOnlyList<string> interfaces,
        IReadOnlyDictionary<string, IReadOnlySet<string>> implementsByGraph,
        IReadOnlyList<string> unionMembers,
        IReadOnlyDictionary<string, IReadOnlySet<string>> unionMembersByGraph,
        bool inaccessible)
    {
        Name = name;
        Kind = kind;
        Fields = fields;
        Joins = joins;
        Interfaces = interfaces;
        ImplementsByGraph = implementsByGraph;
        UnionMembers = unionMembers;
        UnionMembersByGraph = unionMembersByGraph;
        Inaccessible = inaccessible;
    }

    public string Name { get; }

    public SupergraphTypeKind Kind { get; }

    public IReadOnlyDictionary<string, SupergraphField> Fields { get; }

    /// <summary><c>@join__type</c> per subgraph name.</summary>
    public IReadOnlyDictionary<string, TypeJoin> Joins { get; }

    /// <summary>Interfaces the type implements in the supergraph.</summary>
    public IReadOnlyList<string> Interfaces { get; }

    /// <summary><c>@join__implements</c>: per subgraph, the interfaces the type implements there.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ImplementsByGraph { get; }

    public IReadOnlyList<string> UnionMembers { get; }

    /// <summary><c>@join__unionMember</c>: per subgraph, the members the union has there.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> UnionMembersByGraph { get; }

    public bool Inaccessible { get; }

    public bool IsAbstract => Kind is SupergraphTypeKind.Interface or SupergraphTypeKind.Union;

    public bool IsComposite => Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface or SupergraphTypeKind.Union;

    public bool IsLeaf => Kind is SupergraphTypeKind.Scalar or SupergraphTypeKind.Enum;

    public bool IsDefinedIn(string graph) => Joins.ContainsKey(graph);

    public SupergraphField? Field(string name) => Fields.TryGetValue(name, out var field) ? field : null;

    private FrozenDictionary<string, string>? _coordinates;

    /// <summary>
    /// <c>Type.field</c> for a field of this type: one string per schema, built on first use, not one per object that
    /// names it (the audit names a field for every object a representation carried it from). Null for a field the
    /// type does not have.
    /// </summary>
    public string? Coordinate(string fieldName) =>
        LazyInitializer.EnsureInitialized(ref _coordinates, () => Fields.Keys.ToFrozenDictionary(field => field, field => Name + "." + field, StringComparer.Ordinal))
            .GetValueOrDefault(fieldName);
}
