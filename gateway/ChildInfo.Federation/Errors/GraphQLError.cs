using System.Text.Json;

namespace ChildInfo.Federation.Errors;

/// <summary>One entry of a GraphQL response's <c>errors</c>.</summary>
/// <param name="Message">Human readable; never carries variable or field values.</param>
/// <param name="Code">Written as <c>extensions.code</c>.</param>
/// <param name="Path">Response path: strings for fields, integers for list indexes.</param>
/// <param name="Extensions">Further extensions (for example copied from a subgraph error), written after <c>code</c>.</param>
public sealed record GraphQLError(
    string Message,
    string Code,
    IReadOnlyList<object>? Path = null,
    IReadOnlyList<ErrorLocation>? Locations = null,
    IReadOnlyDictionary<string, JsonElement>? Extensions = null)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Locations is { Count: > 0 })
        {
            writer.WriteStartArray("locations");
            foreach (var location in Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Path is not null)
        {
            writer.WriteStartArray("path");
            foreach (var segment in Path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("extensions");
        writer.WriteString("code", Code);
        if (Extensions is not null)
        {
            foreach (var (name, value) in Extensions)
            {
                if (name != "code")
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
