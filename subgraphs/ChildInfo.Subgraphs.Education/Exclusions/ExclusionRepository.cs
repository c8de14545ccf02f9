using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Exclusions;

public sealed class ExclusionRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<ExclusionRecord>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<ExclusionRecord>(counter, $"""
            SELECT ExclusionId, UPN AS Upn, URN AS Urn, StartDate, Category, Sessions, Reason1, Reason2, Reason3
            FROM PUPIL_EXCLUSION
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, StartDate DESC, ExclusionId
            """, new { upns = upns.ToArray() }, cancellationToken);
}
