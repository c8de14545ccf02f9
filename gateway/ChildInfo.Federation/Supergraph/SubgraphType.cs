namespace ChildInfo.Federation.Supergraph;

/// <summary>A named type as one subgraph defines it, projected from the supergraph's <c>join__</c> metadata.</summary>
/// <param name="Kind">The kind in that subgraph: an <c>@interfaceObject</c> is an object type there.</param>
/// <param name="Fields">Fields (or input fields) the subgraph defines, with their type in that subgraph.</param>
/// <param name="Interfaces">Interfaces the type implements in that subgraph.</param>
/// <param name="Members">A union's members in that subgraph.</param>
public sealed record SubgraphType(
    string Name,
    SupergraphTypeKind Kind,
    IReadOnlyDictionary<string, TypeRef> Fields,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> Members)
{
    public bool IsAbstract => Kind is SupergraphTypeKind.Interface or SupergraphTypeKind.Union;

    public TypeRef? FieldType(string field) => Fields.TryGetValue(field, out var type) ? type : null;
}
