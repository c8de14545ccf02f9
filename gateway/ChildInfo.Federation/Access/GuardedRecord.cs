using System.Text.Json;

namespace ChildInfo.Federation.Access;

/// <summary>A fetched object a <see cref="IRecordGuard"/> is asked about.</summary>
/// <param name="TypeName">The object's concrete type.</param>
/// <param name="Path">Where the object stands in the response (response keys and list indices).</param>
/// <param name="Fields">
/// The guard fields as the subgraph answered them, under their own names: a JSON object. A field is absent when the
/// subgraph gave no value for it (for example because the call failed).
/// </param>
/// <param name="Selected">The fields of the object the client asked for and the plan fetches, by name.</param>
/// <param name="Answered">
/// False when the call that was to bring the guard fields gave nothing for this object (it failed, or the subgraph
/// answered null for the entity): then none of that subgraph's fields of the object arrived either.
/// </param>
public sealed record GuardedRecord(string TypeName, IReadOnlyList<object> Path, JsonElement Fields, IReadOnlyList<string> Selected, bool Answered = true);
