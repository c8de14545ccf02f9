using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.Funding;

public sealed class FundingRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<FundingRecord>> GetForChildrenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<FundingRecord>(counter, $"""
            SELECT EYChildId AS EyChildId, AcademicYear, Term, TermStart, URN AS Urn, FundedHours, ExtendedHours, ExpandedHours,
                   EligibilityCode, TwoYearOldBasis, EYPPR AS Eyppr, DAFIndicator AS DafIndicator
            FROM EY_FUNDING
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, TermStart, URN
            """, new { ids = ids.ToArray() }, cancellationToken);
}
