using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

public sealed class ReviewRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<ReviewRecord>> GetForChildrenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<ReviewRecord>(counter, $"""
            SELECT ReviewId, EYChildId AS EyChildId, ReviewType, ReviewDate, Practitioner, Venue, ASQ3_Months AS Asq3Months,
                   ASQ3_COM_Score AS ComScore, ASQ3_COM_Zone AS ComZone, ASQ3_GM_Score AS GmScore, ASQ3_GM_Zone AS GmZone,
                   ASQ3_FM_Score AS FmScore, ASQ3_FM_Zone AS FmZone, ASQ3_PS_Score AS PsScore, ASQ3_PS_Zone AS PsZone,
                   ASQ3_PSE_Score AS PseScore, ASQ3_PSE_Zone AS PseZone,
                   CASE WHEN ASQ3_Months IS NOT NULL
                         AND ASQ3_COM_Zone IN ('A', 'M') AND ASQ3_GM_Zone IN ('A', 'M') AND ASQ3_FM_Zone IN ('A', 'M')
                         AND ASQ3_PS_Zone IN ('A', 'M') AND ASQ3_PSE_Zone IN ('A', 'M')
                        THEN 1 ELSE 0 END AS AllDomainsAtOrAboveExpected
            FROM HV_REVIEW
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, ReviewDate, ReviewId
            """, new { ids = ids.ToArray() }, cancellationToken);
}
