using System.Globalization;
using System.Text;
using System.Text.Json;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Canonical form, version 1. A record's hash is SHA-256 over its header written as compact JSON with the fields in
/// the fixed order below (System.Text.Json's default escaping, no white space, times as
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, child ids sorted ordinally). The header carries the payload's digest, not
/// the payload, so removing the payload later leaves the hash checkable. The payload digest is SHA-256 over the
/// payload's stored JSON text exactly as first written.
/// </summary>
public static class AuditCanonicalForm
{
    public const int Version = 1;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a stored time; an unreadable one becomes <see cref="DateTimeOffset.MinValue"/> and fails its hash.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time : DateTimeOffset.MinValue;

    public static string OutcomeName(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>Reads a stored outcome; an unknown one reads as an error and fails its hash.</summary>
    public static AuditOutcome ParseOutcome(string text) =>
        Enum.TryParse<AuditOutcome>(text, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome) ? outcome : AuditOutcome.Error;

    /// <summary>The hash a record should carry, computed from its header fields alone.</summary>
    public static string RecordHash(AuditRecord record) => AuditHashes.Sha256(Header(record));

    public static string Header(AuditRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteNumber("sequence", record.Sequence);
            json.WriteString("time", FormatTime(record.Time));
            json.WriteString("requestId", record.RequestId);
            json.WriteString("user", record.User);
            json.WriteString("role", record.Role);
            json.WriteString("organisation", record.Organisation);
            json.WriteString("purpose", record.Purpose);
            json.WriteStartArray("children");
            foreach (var child in record.ChildIds.Order(StringComparer.Ordinal))
                json.WriteStringValue(child);
            json.WriteEndArray();
            json.WriteBoolean("breakGlass", record.BreakGlass);
            json.WriteBoolean("preferenceOverridden", record.PreferenceOverridden);
            json.WriteString("outcome", OutcomeName(record.Outcome));
            json.WriteString("operationHash", record.OperationHash);
            json.WriteString("payloadDigest", record.PayloadDigest);
            json.WriteString("previousHash", record.PreviousHash);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The payload as compact JSON, children sorted by id, in a fixed field order.</summary>
    public static string PayloadJson(AuditPayload payload)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (payload.Justification is null) json.WriteNull("justification");
            else json.WriteString("justification", payload.Justification);
            json.WriteString("operation", payload.OperationText);
            json.WriteStartArray("children");
            foreach (var child in payload.Children.OrderBy(c => c.ChildId, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("child", child.ChildId);
                json.WriteStartArray("disclosed");
                foreach (var field in child.Disclosed)
                {
                    json.WriteStartObject();
                    json.WriteString("field", field.Field);
                    json.WriteString("label", field.Label);
                    json.WriteString("source", field.Source);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("withheld");
                foreach (var field in child.Withheld)
                {
                    json.WriteStartObject();
                    json.WriteString("field", field.Field);
                    WriteOptional(json, "label", field.Label);
                    WriteOptional(json, "source", field.Source);
                    json.WriteString("code", field.Code);
                    json.WriteString("reason", field.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("overrides");
            foreach (var o in payload.PreferenceOverrides)
            {
                json.WriteStartObject();
                json.WriteString("child", o.ChildId);
                json.WriteString("preference", o.Preference);
                json.WriteString("reason", o.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a stored payload; null when it is not readable (the verifier then reports it by its digest).</summary>
    public static AuditPayload? ReadPayload(string? payloadJson)
    {
        if (payloadJson is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            var root = document.RootElement;
            var children = root.GetProperty("children").EnumerateArray().Select(c => new ChildDisclosure(
                c.GetProperty("child").GetString()!,
                [.. c.GetProperty("disclosed").EnumerateArray().Select(f => new DisclosedField(
                    f.GetProperty("field").GetString()!, f.GetProperty("label").GetString()!, f.GetProperty("source").GetString()!))],
                [.. c.GetProperty("withheld").EnumerateArray().Select(f => new WithheldField(
                    f.GetProperty("field").GetString()!, Optional(f, "label"), Optional(f, "source"),
                    f.GetProperty("code").GetString()!, f.GetProperty("reason").GetString()!))])).ToList();
            var overrides = root.GetProperty("overrides").EnumerateArray().Select(o => new PreferenceOverride(
                o.GetProperty("child").GetString()!, o.GetProperty("preference").GetString()!, o.GetProperty("reason").GetString()!)).ToList();
            return new AuditPayload(root.GetProperty("justification").GetString(), root.GetProperty("operation").GetString()!, children, overrides);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
