using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Preferences;

/// <summary>The family's data-use wishes the early years service recorded.</summary>
public sealed class PreferenceRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<DataUsePreference>> GetForChildrenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<DataUsePreference>(counter, $"""
            SELECT PreferenceId, EYChildId AS OwnerId, Code, DataCategory, WithheldFromPurposes, WithheldFromAgencies,
                   ExpressedBy, Statement, RecordedOn, RecordedBy
            FROM EY_DATA_PREFERENCE
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, RecordedOn, PreferenceId
            """, new { ids = ids.ToArray() }, cancellationToken);
}
