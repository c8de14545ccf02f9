using System.Text.Json;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>Writes an entity representation (<c>__typename</c>, key and required fields) from a fetched object.</summary>
internal static class Representations
{
    public static void Write(Utf8JsonWriter writer, SupergraphSchema schema, ResultObject obj, EntityTarget target)
    {
        writer.WriteStartObject();
        writer.WriteString("__typename", target.RepresentationTypename);
        WriteFields(writer, schema, obj, target.Fields);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, SupergraphSchema schema, ResultObject obj, IReadOnlyList<RepresentationField> fields)
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

            if (field.Name == "__typename")
            {
                continue;
            }

            // The planner's own alias wins: where it exists, the client used the field's name for something else.
            var key = obj.Contains(field.InternalKey!) ? field.InternalKey! : field.Name;
            if (!obj.Contains(key))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            WriteValue(writer, schema, obj.Get(key), field.Children);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, SupergraphSchema schema, ResultValue value, IReadOnlyList<RepresentationField> children)
    {
        if (value.IsLeaf)
        {
            value.Leaf.WriteTo(writer);
        }
        else if (value.Object is { } obj)
        {
            if (children.Count == 0)
            {
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
