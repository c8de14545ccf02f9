using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Sen;

public sealed class SenRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<SenTypeRecord>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<SenTypeRecord>(counter, $"""
            SELECT UPN AS Upn, SENtypeRanking AS Ranking, SENtype AS SenType
            FROM PUPIL_SEN_TYPE
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, SENtypeRanking
            """, new { upns = upns.ToArray() }, cancellationToken);
}
