namespace ChildInfo.Federation.Planning;

/// <summary>The objects one <c>_entities</c> fetch sends of one type, and how their representations are written.</summary>
/// <param name="ObjectType">Only objects whose <c>__typename</c> is (or implements) this type are sent.</param>
/// <param name="RepresentationTypename">The <c>__typename</c> written into each representation (an interface's
/// name when the target subgraph knows it as an <c>@interfaceObject</c>).</param>
/// <param name="Fields">Key and required fields copied into each representation, under a type condition per type of
/// the objects sent (the response keys the planner fetched them under can differ between types).</param>
public sealed record EntityTarget(string ObjectType, string RepresentationTypename, IReadOnlyList<PlannedField> Fields)
{
    /// <summary>The key the representations use: an object missing any of its fields (or with one null) is not sent.</summary>
    internal IReadOnlyList<Supergraph.FieldSetNode> Key { get; init; } = [];

    /// <summary>
    /// The fields to copy from an object of <paramref name="typename"/>: those the planner fetched for that type (an
    /// exact type condition first, else one the type matches); null when it fetched none, and the object is not sent.
    /// </summary>
    internal IReadOnlyList<PlannedField>? FieldsFor(string? typename, Supergraph.SupergraphSchema schema)
    {
        if (typename is null)
        {
            return null;
        }

        PlannedField? matching = null;
        // Indexed: called for every object sent, and a foreach over the interface allocates an enumerator each time.
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (field.TypeCondition == typename)
            {
                return field.Children;
            }

            if (matching is null && field.TypeCondition is not null && schema.Matches(typename, field.TypeCondition))
            {
                matching = field;
            }
        }

        return matching?.Children;
    }
}
