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
        // Indexed loops: a foreach over the interface would allocate an enumerator for every object written.
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
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

            writer.WritePropertyName(field.EncodedName);
            WriteValue(writer, schema, obj.Get(field.ResponseKey!), field.Children);
        }
    }

    /// <summary>
    /// Whether <paramref name="obj"/> has every field of <paramref name="key"/>, none of them null (in lists, every
    /// element), read under the keys the planner recorded in <paramref name="fields"/>: an entity can only be
    /// represented by a whole key.
    /// </summary>
    public static bool HasKey(SupergraphSchema schema, ResultObject obj, IReadOnlyList<PlannedField> fields, IReadOnlyList<FieldSetNode> key)
    {
        for (var i = 0; i < key.Count; i++)
        {
            var node = key[i];
            if (node.IsFragment)
            {
                continue;
            }

            if (Find(schema, obj, fields, node.FieldName!) is not { } planned || !obj.Contains(planned.ResponseKey!)
                || !IsWhole(schema, obj.Get(planned.ResponseKey!), planned.Children, node.Children))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhole(SupergraphSchema schema, ResultValue value, IReadOnlyList<PlannedField> children, IReadOnlyList<FieldSetNode> key)
    {
        if (value.IsNull)
        {
            return false;
        }

        if (key.Count == 0)
        {
            return true;
        }

        if (value.List is { } list)
        {
            foreach (var item in list.Items)
            {
                if (!IsWhole(schema, item, children, key))
                {
                    return false;
                }
            }

            return true;
        }

        return value.Object is { } obj && HasKey(schema, obj, children, key);
    }

    /// <summary>The planned field named <paramref name="name"/> that applies to <paramref name="obj"/>, looking into matching type conditions.</summary>
    private static PlannedField? Find(SupergraphSchema schema, ResultObject obj, IReadOnlyList<PlannedField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Name == name)
            {
                return field;
            }

            if (field.Name is null && obj.Typename is { } typename && schema.Matches(typename, field.TypeCondition!)
                && Find(schema, obj, field.Children, name) is { } inner)
            {
                return inner;
            }
        }

        return null;
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
                writer.WriteString(Representations.TypenameKey, typename);
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
