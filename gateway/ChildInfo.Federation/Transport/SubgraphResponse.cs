using System.Buffers;
using System.Text.Json;

namespace ChildInfo.Federation.Transport;

/// <summary>A subgraph's GraphQL response. Owns its JSON document, and the pooled buffer it was parsed from if any.</summary>
public sealed class SubgraphResponse : IDisposable
{
    private byte[]? _rented;

    public SubgraphResponse(JsonDocument document)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
    }

    /// <summary>
    /// A document parsed in place from <paramref name="rented"/> (taken from <see cref="ArrayPool{T}.Shared"/>), which
    /// the document reads until it is disposed; the buffer goes back to the pool then, once.
    /// </summary>
    internal SubgraphResponse(JsonDocument document, byte[] rented)
        : this(document)
    {
        _rented = rented;
    }

    public JsonDocument Document { get; }

    public static SubgraphResponse Parse(ReadOnlyMemory<byte> json) => new(JsonDocument.Parse(json));

    public void Dispose()
    {
        Document.Dispose();
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
