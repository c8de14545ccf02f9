using System.Buffers;
using System.Text.Json;

namespace ChildInfo.Federation.Access;

/// <summary>A record guard's notices as response extensions: one JSON array per extension name, entries in order.</summary>
internal static class NoticeSummary
{
    public static IEnumerable<(string Name, JsonElement Entries)> ByExtension(IReadOnlyList<RecordNotice> notices)
    {
        foreach (var group in notices.GroupBy(n => n.Extension, StringComparer.Ordinal))
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var notice in group)
                {
                    notice.Entry.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            yield return (group.Key, document.RootElement.Clone());
        }
    }
}
