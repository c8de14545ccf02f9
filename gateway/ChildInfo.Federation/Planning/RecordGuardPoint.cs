namespace ChildInfo.Federation.Planning;

/// <summary>
/// Where a record guard checks objects: the objects of <see cref="TypeName"/> at <see cref="Path"/>, once the fetch
/// that carries this point has brought their guard fields.
/// </summary>
/// <param name="Path">The objects' response path (<c>@</c> for every element of a list).</param>
/// <param name="GuardFields">The guard's fields, each with the response key the planner fetched it under: the only
/// place they are read from for the guard (a client's alias never stands in for them).</param>
/// <param name="ClientFields">The client's response keys at this position with the field each selects, so a
/// withheld field is withheld under every key the client gave it.</param>
/// <param name="Selected">The names of the client's fields here that the plan fetches (not withheld by policy).</param>
internal sealed record RecordGuardPoint(
    string[] Path,
    string TypeName,
    IReadOnlyList<PlannedField> GuardFields,
    IReadOnlyList<KeyValuePair<string, string>> ClientFields,
    IReadOnlyList<string> Selected);
