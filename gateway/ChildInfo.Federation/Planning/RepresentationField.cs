namespace ChildInfo.Federation.Planning;

/// <summary>A field copied from a fetched object into an entity representation (a key or a required field).</summary>
/// <param name="Name">Field name; also the response key it was fetched under, unless the client used that key for
/// something else, when it was fetched under <see cref="InternalKey"/>.</param>
/// <param name="TypeCondition">Set for an inline fragment node (no name): children apply only to that type.</param>
public sealed record RepresentationField(string? Name, string? TypeCondition, IReadOnlyList<RepresentationField> Children)
{
    /// <summary>The planner's own alias for the field, used where the client's aliases clash with its name.</summary>
    public string? InternalKey { get; } = Name is null ? null : PlannerAliases.For(Name);
}
