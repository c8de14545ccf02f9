using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.Education.Preferences;

/// <summary>The pupil's and family's data-use wishes the school recorded.</summary>
public sealed class PupilPreferenceRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<DataUsePreference>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<DataUsePreference>(counter, $"""
            SELECT PreferenceId, UPN AS OwnerId, Code, DataCategory, WithheldFromPurposes, WithheldFromAgencies,
                   ExpressedBy, Statement, RecordedOn, RecordedBy
            FROM PUPIL_DATA_PREFERENCE
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, RecordedOn, PreferenceId
            """, new { upns = upns.ToArray() }, cancellationToken);
}
