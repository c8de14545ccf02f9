using System.Text.Json;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>Writes an entity representation (<c>__typename</c>, key and required fields) from a fetched object.</summary>
internal static class Representations
{
    public static void Write(Utf8JsonWriter writer, SupergraphSchema schema, ResultObject obj, string typename, IReadOnlyList<PlannedField> fields)
    {
        writer.WriteStartObject();
        writer.WriteString("__typename", typename);
        PlannedValues.WriteFields(writer, schema, obj, fields);
        writer.WriteEndObject();
    }
}
