using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.Settings;

public sealed class SettingRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IReadOnlyDictionary<int, SettingRecord>> GetManyAsync(IReadOnlyCollection<int> urns, CancellationToken cancellationToken) =>
        database.QueryByKeyAsync<int, SettingRecord>(counter,
            $"SELECT URN AS Urn, SettingName AS Name, SettingType, Postcode FROM EY_SETTING WHERE {database.Dialect.In("URN", "@urns")}",
            new { urns = urns.ToArray() }, s => s.Urn, cancellationToken);

    public Task<IEnumerable<SettingSpellRecord>> GetSpellsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<SettingSpellRecord>(counter, $"""
            SELECT EYChildId AS EyChildId, URN AS Urn, StartDate, LeavingDate
            FROM EY_CHILD_SETTING
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, StartDate
            """, new { ids = ids.ToArray() }, cancellationToken);
}
