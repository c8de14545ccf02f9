using System.Buffers;
using System.Text.Json;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Federation.Access;

/// <summary>The response's <c>extensions.withheld</c> and the error for each withheld position.</summary>
internal static class WithheldSummary
{
    /// <summary><c>[{ field, label, code, reason, rule, count }]</c>, one entry per withheld coordinate.</summary>
    public static JsonElement ToJson(IReadOnlyList<WithheldField> withheld)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (decision, count) in withheld)
            {
                writer.WriteStartObject();
                writer.WriteString("field", decision.Coordinate);
                writer.WriteString("label", decision.Label);
                writer.WriteString("code", decision.Code);
                writer.WriteString("reason", decision.Reason);
                writer.WriteString("rule", decision.Rule);
                writer.WriteNumber("count", count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The error for one withheld position: the decision's code, reason, rule and label in its extensions.</summary>
    public static GraphQLError Error(FieldAccess decision, object[] path) =>
        new($"Withheld {decision.Coordinate}: {decision.Reason}", decision.Code, path, null, Extensions(decision));

    private static Dictionary<string, JsonElement> Extensions(FieldAccess decision)
    {
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["field"] = JsonSerializer.SerializeToElement(decision.Coordinate),
            ["reason"] = JsonSerializer.SerializeToElement(decision.Reason),
            ["rule"] = JsonSerializer.SerializeToElement(decision.Rule),
            ["label"] = JsonSerializer.SerializeToElement(decision.Label),
        };
        return extensions;
    }
}
