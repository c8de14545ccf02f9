using System.Text.Json;

namespace ChildInfo.Federation.Transport;

/// <summary>A subgraph's GraphQL response. Owns its JSON document.</summary>
public sealed class SubgraphResponse : IDisposable
{
    public SubgraphResponse(JsonDocument document)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
    }

    public JsonDocument Document { get; }

    public static SubgraphResponse Parse(ReadOnlyMemory<byte> json) => new(JsonDocument.Parse(json));

    public void Dispose() => Document.Dispose();
}
