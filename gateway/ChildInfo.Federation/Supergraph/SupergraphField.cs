namespace ChildInfo.Federation.Supergraph;

/// <summary>A field of a supergraph type, with the subgraphs that define it.</summary>
/// <param name="Joins">One entry per <c>@join__field(graph:)</c>; empty when the field has no such directive.</param>
/// <param name="HasJoinField">True when the field carries any <c>@join__field</c>; when false, every subgraph that
/// defines the parent type resolves it.</param>
public sealed record SupergraphField(
    string Name,
    TypeRef Type,
    IReadOnlyList<FieldJoin> Joins,
    bool HasJoinField,
    bool Inaccessible)
{
    public FieldJoin? JoinFor(string graph)
    {
        foreach (var join in Joins)
        {
            if (join.Graph == graph)
            {
                return join;
            }
        }

        return null;
    }
}
