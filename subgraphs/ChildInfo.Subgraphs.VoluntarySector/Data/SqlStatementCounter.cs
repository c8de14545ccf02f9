using System.Collections.Concurrent;

namespace ChildInfo.Subgraphs.VoluntarySector.Data;

/// <summary>
/// Counts SQL statements per query name, so that batching can be observed (N entities must cost one statement,
/// not N). Cheap enough to leave on; one instance per subgraph definition.
/// </summary>
public sealed class SqlStatementCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Record(string query) => _counts.AddOrUpdate(query, 1, (_, n) => n + 1);

    /// <summary>Statements run so far for <paramref name="query"/>.</summary>
    public int Count(string query) => _counts.TryGetValue(query, out var n) ? n : 0;

    public void Reset() => _counts.Clear();
}
