using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Federation;

/// <summary>
/// The answer to a client request, ready to be written as a GraphQL response. A request error (the request could not
/// be parsed, validated or planned) has no <c>data</c> entry; an execution result always has one (possibly null).
/// Serialise with <see cref="WriteTo"/> or <see cref="JsonSerializer"/>.
/// </summary>
[JsonConverter(typeof(GatewayResultJsonConverter))]
public sealed class GatewayResult
{
    private readonly ReadOnlyMemory<byte> _data;
    // Set when the data sits in a rented buffer: shared by this result's copies, returned to the pool once.
    private readonly PooledBytes? _pooled;

    private GatewayResult(
        bool isRequestError, ReadOnlyMemory<byte> data, IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, JsonElement>? extensions,
        IReadOnlyList<WithheldField>? withheld = null, IReadOnlyList<RecordNotice>? notices = null, PooledBytes? pooled = null)
    {
        _pooled = pooled;
        Withheld = withheld ?? [];
        Notices = notices ?? [];
        IsRequestError = isRequestError;
        _data = data;
        Errors = errors;
        Extensions = extensions;
    }

    /// <summary>True when the request failed before execution: the response has no <c>data</c> entry.</summary>
    public bool IsRequestError { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, JsonElement>? Extensions { get; }

    /// <summary>The <c>data</c> entry as UTF-8 JSON (<c>null</c> when data is null); empty for a request error.</summary>
    /// <remarks>Throws <see cref="ObjectDisposedException"/> once <see cref="ReleaseBuffers"/> has been called.</remarks>
    public ReadOnlyMemory<byte> DataJson => _pooled is null ? _data : _pooled.Memory;

    /// <summary>
    /// Returns the rented buffer holding <c>data</c> to the shared pool, for this result and every copy of it; after
    /// this the data can no longer be read (<see cref="DataJson"/> and <see cref="WriteTo"/> throw rather than read a
    /// buffer another request may be using). For the host, once the response is written: a large answer then costs no
    /// fresh array (one over 85 KB would otherwise go to the large object heap, collected only with the oldest
    /// generation). Not calling it is safe: the buffer is then left to the collector.
    /// </summary>
    public void ReleaseBuffers() => _pooled?.Release();

    public static GatewayResult RequestError(params GraphQLError[] errors) => new(true, ReadOnlyMemory<byte>.Empty, errors, null);

    internal static GatewayResult Executed(
        ReadOnlyMemory<byte> data, IReadOnlyList<GraphQLError> errors, IReadOnlyList<WithheldField>? withheld = null, IReadOnlyList<RecordNotice>? notices = null) =>
        new(false, data, errors, null, withheld, notices);

    internal static GatewayResult Executed(
        PooledBytes data, IReadOnlyList<GraphQLError> errors, IReadOnlyList<WithheldField>? withheld = null, IReadOnlyList<RecordNotice>? notices = null) =>
        new(false, default, errors, null, withheld, notices, data);

    /// <summary>The fields a field policy or a record guard withheld from this response, with how often each stood in it.</summary>
    public IReadOnlyList<WithheldField> Withheld { get; }

    /// <summary>What a record guard reported while this response was fetched (also in the response's extensions).</summary>
    public IReadOnlyList<RecordNotice> Notices { get; }

    /// <summary>A copy with one more response extension (for example the plan, for diagnostics).</summary>
    public GatewayResult WithExtension(string name, JsonElement value)
    {
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Extensions is not null)
        {
            foreach (var (key, existing) in Extensions)
            {
                extensions[key] = existing;
            }
        }

        extensions[name] = value;
        return new GatewayResult(IsRequestError, _data, Errors, extensions, Withheld, Notices, _pooled);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var error in Errors)
            {
                error.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        if (!IsRequestError)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(DataJson.Span, skipInputValidation: true);
        }

        if (Extensions is { Count: > 0 })
        {
            writer.WriteStartObject("extensions");
            foreach (var (name, value) in Extensions)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public string ToJson(bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
