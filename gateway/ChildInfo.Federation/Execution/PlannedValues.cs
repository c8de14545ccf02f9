using System.Text.Json;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// Writes the fields the planner fetched for itself from a merged object, under their own names, reading each only
/// under the response key the planner recorded for it (<see cref="PlannedField.ResponseKey"/>), at every depth: what
/// a client put under a field's name, or under any other key, is never read in its place.
/// </summary>
internal static class PlannedValues
{
    public static void WriteFields(Utf8JsonWriter writer, SupergraphSchema schema, ResultObject obj, IReadOnlyList<PlannedField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Name is null)
            {
                if (obj.Typename is { } typename && schema.Matches(typename, field.TypeCondition!))
                {
                    WriteFields(writer, schema, obj, field.Children);
                }

                continue;
            }

            if (field.Name == "__typename" || !obj.Contains(field.ResponseKey!))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            WriteValue(writer, schema, obj.Get(field.ResponseKey!), field.Children);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, SupergraphSchema schema, ResultValue value, IReadOnlyList<PlannedField> children)
    {
        if (value.IsLeaf)
        {
            value.Leaf.WriteTo(writer);
        }
        else if (value.Object is { } obj)
        {
            if (children.Count == 0)
            {
                // A scalar whose value is an object (no sub-selection of its own).
                obj.Raw.WriteTo(writer);
                return;
            }

            writer.WriteStartObject();
            if (obj.Typename is { } typename)
            {
                writer.WriteString("__typename", typename);
            }

            WriteFields(writer, schema, obj, children);
            writer.WriteEndObject();
        }
        else if (value.List is { } list)
        {
            writer.WriteStartArray();
            foreach (var item in list.Items)
            {
                WriteValue(writer, schema, item, children);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
