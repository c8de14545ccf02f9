namespace ChildInfo.Subgraphs.EarlyYears.Data;

/// <summary>
/// Counts the SQL queries the subgraph runs. Batching is a correctness property here (N entities, one query),
/// so tests assert it through this count rather than by timing.
/// </summary>
public sealed class QueryCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    internal void Increment() => Interlocked.Increment(ref _count);
}
