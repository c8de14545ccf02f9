using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The audit's parses of operation texts, kept by text so a query sent again is not parsed again for its record. The
/// documents are only read once parsed. Bounded: past <see cref="MaxEntries"/> texts the cache starts afresh, and a
/// text longer than <see cref="MaxQueryLength"/> is parsed every time and not kept.
/// </summary>
internal static class AuditQueryDocuments
{
    public const int MaxEntries = 256;
    public const int MaxQueryLength = 16 * 1024;

    private static readonly ConcurrentDictionary<string, GraphQLDocument?> Documents = new(StringComparer.Ordinal);

    /// <summary>The parsed document, or null when the text does not parse.</summary>
    public static GraphQLDocument? Parse(string query)
    {
        if (Documents.TryGetValue(query, out var document))
        {
            return document;
        }

        document = ParseText(query);
        if (query.Length <= MaxQueryLength)
        {
            if (Documents.Count >= MaxEntries)
            {
                Documents.Clear();
            }

            Documents.TryAdd(query, document);
        }

        return document;
    }

    private static GraphQLDocument? ParseText(string query)
    {
        try
        {
            return Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }
}
