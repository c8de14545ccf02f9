namespace ChildInfo.Federation.Planning;

/// <summary>A field copied from a fetched object into an entity representation (a key or a required field).</summary>
/// <param name="Name">Field name; also the response key it was fetched under.</param>
/// <param name="TypeCondition">Set for an inline fragment node (no name): children apply only to that type.</param>
public sealed record RepresentationField(string? Name, string? TypeCondition, IReadOnlyList<RepresentationField> Children);
