namespace ChildInfo.SampleData.Generation;

/// <summary>What one agency's database holds after generation.</summary>
/// <param name="Target">Where it went: a file path, or the provider and database name (never credentials).</param>
/// <param name="RowCounts">Rows per table, in schema order.</param>
public sealed record AgencySummary(string Agency, string Target, IReadOnlyList<KeyValuePair<string, long>> RowCounts)
{
    public long TotalRows => RowCounts.Sum(r => r.Value);
}
