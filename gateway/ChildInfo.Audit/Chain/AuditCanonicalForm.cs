using System.Buffers;
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
    public static string RecordHash(AuditRecord record)
    {
        var (buffer, json) = Scratch();
        WriteHeader(json, record);
        return AuditHashes.Sha256(buffer.WrittenSpan);
    }

    public static string Header(AuditRecord record)
    {
        var (buffer, json) = Scratch();
        WriteHeader(json, record);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteHeader(Utf8JsonWriter json, AuditRecord record)
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
        {
            json.WriteStringValue(child);
        }

        json.WriteEndArray();
        json.WriteBoolean("breakGlass", record.BreakGlass);
        json.WriteBoolean("preferenceOverridden", record.PreferenceOverridden);
        json.WriteString("outcome", OutcomeName(record.Outcome));
        json.WriteString("operationHash", record.OperationHash);
        json.WriteString("payloadDigest", record.PayloadDigest);
        json.WriteString("previousHash", record.PreviousHash);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The payload as compact JSON, children sorted by id, in a fixed field order.</summary>
    public static string PayloadJson(AuditPayload payload)
    {
        var (buffer, json) = Scratch();
        WritePayload(json, payload);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// <see cref="PayloadJson"/> and its digest (SHA-256 of the same UTF-8 bytes that <see cref="AuditHashes.Sha256(string)"/>
    /// of the text hashes), from one serialisation.
    /// </summary>
    public static (string Json, string Digest) PayloadJsonAndDigest(AuditPayload payload)
    {
        var (buffer, json) = Scratch();
        WritePayload(json, payload);
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), AuditHashes.Sha256(buffer.WrittenSpan));
    }

    private static void WritePayload(Utf8JsonWriter json, AuditPayload payload)
    {
        json.WriteStartObject();
        if (payload.Justification is null)
        {
            json.WriteNull("justification");
        }
        else
        {
            json.WriteString("justification", payload.Justification);
        }

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
            // Written only for a child something was recorded for, so that every other record's canonical form (and
            // hash) is unchanged.
            if (child.Recorded.Count > 0)
            {
                json.WriteStartArray("recorded");
                foreach (var field in child.Recorded)
                {
                    json.WriteStartObject();
                    json.WriteString("field", field.Field);
                    json.WriteString("label", field.Label);
                    json.WriteString("source", field.Source);
                    json.WriteBoolean("written", field.Written);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            // Likewise only for a child something was sent for between services.
            if (child.Sent.Count > 0)
            {
                json.WriteStartArray("sent");
                foreach (var field in child.Sent)
                {
                    json.WriteStartObject();
                    json.WriteString("field", field.Field);
                    json.WriteString("label", field.Label);
                    json.WriteString("source", field.Source);
                    json.WriteString("sentTo", field.SentTo);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
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
        // Written only for an aggregate question, so that every other record's canonical form (and hash) is unchanged.
        if (payload.Aggregate is { } aggregate)
        {
            json.WriteStartObject("aggregate");
            json.WriteString("question", aggregate.Question);
            json.WriteStartArray("agencies");
            foreach (var agency in aggregate.Agencies)
            {
                json.WriteStringValue(agency);
            }
            json.WriteEndArray();
            json.WriteNumber("released", aggregate.CellsReleased);
            json.WriteNumber("suppressed", aggregate.CellsSuppressed);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.Flush();
    }

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _scratch;

    /// <summary>This thread's reusable buffer and writer, emptied: canonical JSON is written, hashed or copied, and forgotten.</summary>
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json) Scratch()
    {
        if (_scratch is not { } scratch)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            _scratch = scratch = (buffer, new Utf8JsonWriter(buffer));
        }

        scratch.Buffer.ResetWrittenCount();
        scratch.Json.Reset(scratch.Buffer);
        return scratch;
    }

    /// <summary>Reads a stored payload; null when it is not readable (the verifier then reports it by its digest).</summary>
    public static AuditPayload? ReadPayload(string? payloadJson)
    {
        if (payloadJson is null)
        {
            return null;
        }

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
                    f.GetProperty("code").GetString()!, f.GetProperty("reason").GetString()!))])
            {
                Recorded = c.TryGetProperty("recorded", out var recorded)
                    ? [.. recorded.EnumerateArray().Select(f => new RecordedField(
                        f.GetProperty("field").GetString()!, f.GetProperty("label").GetString()!, f.GetProperty("source").GetString()!, f.GetProperty("written").GetBoolean()))]
                    : [],
                Sent = c.TryGetProperty("sent", out var sent)
                    ? [.. sent.EnumerateArray().Select(f => new SentField(
                        f.GetProperty("field").GetString()!, f.GetProperty("label").GetString()!, f.GetProperty("source").GetString()!, f.GetProperty("sentTo").GetString()!))]
                    : [],
            }).ToList();
            var overrides = root.GetProperty("overrides").EnumerateArray().Select(o => new PreferenceOverride(
                o.GetProperty("child").GetString()!, o.GetProperty("preference").GetString()!, o.GetProperty("reason").GetString()!)).ToList();
            var aggregate = root.TryGetProperty("aggregate", out var a) ? new AggregateRelease(
                a.GetProperty("question").GetString()!,
                [.. a.GetProperty("agencies").EnumerateArray().Select(x => x.GetString()!)],
                a.GetProperty("released").GetInt32(),
                a.GetProperty("suppressed").GetInt32()) : null;
            return new AuditPayload(root.GetProperty("justification").GetString(), root.GetProperty("operation").GetString()!, children, overrides) { Aggregate = aggregate };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
