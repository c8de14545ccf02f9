using System.Collections.Immutable;
using System.Text.Json;

namespace ChildInfo.Registry;

/// <summary>Reads and writes <see cref="RegistryDocument"/>s, turning anything malformed into a <see cref="RegistryStoreException"/>.</summary>
internal static class RegistryJson
{
    public const int Format = 1;

    public static byte[] Serialize(long revision, ImmutableArray<SubgraphEntry> subgraphs) =>
        JsonSerializer.SerializeToUtf8Bytes(new RegistryDocument(Format, revision, subgraphs), RegistryJsonContext.Default.RegistryDocument);

    /// <param name="source">Names where the bytes came from, for the error message, e.g. "registry file /data/registry.json".</param>
    public static RegistrySnapshot Deserialize(ReadOnlySpan<byte> json, string source)
    {
        RegistryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RegistryJsonContext.Default.RegistryDocument);
        }
        catch (JsonException ex)
        {
            throw Corrupt(source, ex.Message, ex);
        }

        if (document is null)
        {
            throw Corrupt(source, "it holds JSON null instead of a registry document");
        }

        if (document.Format != Format)
        {
            throw Corrupt(source, $"its format is {document.Format}, and this version reads format {Format}");
        }

        if (document.Revision < 1)
        {
            throw Corrupt(source, $"its revision is {document.Revision}; a written registry starts at 1");
        }

        if (document.Subgraphs.IsDefault)
        {
            throw Corrupt(source, "it has no subgraphs list");
        }

        try
        {
            return new RegistrySnapshot(document.Revision, RegistrySnapshot.Order(document.Subgraphs));
        }
        catch (ArgumentException ex)
        {
            throw Corrupt(source, ex.Message, ex);
        }
    }

    private static RegistryStoreException Corrupt(string source, string reason, Exception? inner = null)
    {
        var message = $"The {source} is not a valid subgraph registry: {reason}. Fix or restore it; it is not read as an empty registry, which would unregister every subgraph.";
        return inner is null ? new RegistryStoreException(message) : new RegistryStoreException(message, inner);
    }
}
