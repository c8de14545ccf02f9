namespace ChildInfo.Federation;

/// <summary>
/// Fields of one object of the response that the gateway sent to another subgraph inside an entity representation,
/// beyond the entity's key: what that subgraph's <c>@requires</c> asked for to compute a field of its own. Each is a
/// disclosure from the subgraph that served it to <paramref name="Service"/>, which a host's audit records.
/// </summary>
/// <param name="Service">The subgraph the representation went to.</param>
/// <param name="Fields">The coordinates sent (<c>Pupil.ethnicity</c>), nested selections' too, each once.</param>
public sealed record ForwardedFields(string Service, IReadOnlyList<string> Fields);
