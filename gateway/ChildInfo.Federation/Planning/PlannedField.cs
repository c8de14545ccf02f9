using System.Text.Json;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// A field the planner fetched for itself (a key, a required field, a record guard's field) and the response key it
/// fetched it under at that object. What reads the planner's own fields (entity representations, record guards)
/// looks values up under <see cref="ResponseKey"/> only, never under a key a client document chose.
/// </summary>
/// <param name="Name">The field's name, under which its value is passed on; null for a type condition.</param>
/// <param name="ResponseKey">The key the planner fetched it under: its name, or the planner's alias where the client
/// uses the name for something else.</param>
/// <param name="TypeCondition">Set for a type condition (no name): its children apply only to objects of that type.</param>
public sealed record PlannedField(string? Name, string? ResponseKey, string? TypeCondition, IReadOnlyList<PlannedField> Children)
{
    /// <summary>
    /// <see cref="Name"/> as the JSON writer writes it, encoded once per plan rather than in every representation
    /// (default for a type condition).
    /// </summary>
    internal JsonEncodedText EncodedName { get; } = Name is null ? default : JsonEncodedText.Encode(Name);
}
