using System.Collections.Concurrent;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Counts the SQL queries a subgraph runs, in total and by query name. Batching is a correctness property here
/// (N entities, one query), so tests assert it through these counts rather than by timing.
/// </summary>
public sealed class QueryCounter
{
    private readonly ConcurrentDictionary<string, int> _byName = new(StringComparer.Ordinal);
    private long _count;

    /// <summary>Queries run so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Queries run so far under <paramref name="query"/>.</summary>
    public int CountOf(string query) => _byName.TryGetValue(query, out var n) ? n : 0;

    /// <summary>Records one query, by name where the caller has one.</summary>
    public void Record(string? query)
    {
        Interlocked.Increment(ref _count);
        if (query is not null)
        {
            _byName.AddOrUpdate(query, 1, (_, n) => n + 1);
        }
    }
}
