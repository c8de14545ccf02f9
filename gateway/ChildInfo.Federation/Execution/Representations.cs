using System.Text.Json;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>Writes an entity representation (<c>__typename</c>, key and required fields) from a fetched object.</summary>
internal static class Representations
{
    /// <summary><c>__typename</c>, encoded once.</summary>
    public static readonly JsonEncodedText TypenameKey = JsonEncodedText.Encode("__typename");

    public static void Write(Utf8JsonWriter writer, SupergraphSchema schema, ResultObject obj, string typename, IReadOnlyList<PlannedField> fields)
    {
        writer.WriteStartObject();
        writer.WriteString(TypenameKey, typename);
        PlannedValues.WriteFields(writer, schema, obj, fields);
        writer.WriteEndObject();
    }
}
