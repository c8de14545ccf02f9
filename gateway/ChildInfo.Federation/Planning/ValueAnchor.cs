using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>An object another subgraph can be asked about: the operation's root (no fetch), or an entity in a fetch.</summary>
/// <param name="Fetch">The fetch that returns the entity; null for the query root.</param>
/// <param name="Target">The selection of the entity in <paramref name="Fetch"/> (where its key goes).</param>
internal sealed record ValueAnchor(
    FetchBuilder? Fetch,
    SelectionBuilder? Target,
    string TypeName,
    string[] Path,
    IReadOnlyList<FieldSetNode>? Provided,
    IReadOnlyList<ShapeField>? ClientFields)
{
    public bool IsRoot => Fetch is null;
}
