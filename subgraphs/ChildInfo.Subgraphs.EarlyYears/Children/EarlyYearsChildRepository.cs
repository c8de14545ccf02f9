using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>Reads children many at a time and within the caller's scope, so that a batch of representations costs one query.</summary>
public sealed class EarlyYearsChildRepository(AgencyDatabase database, QueryCounter counter)
{
    private const string Columns = """
        SELECT ey.EYChildId AS EyChildId, ey.NHSNumber AS NhsNumber, ey.Surname, ey.Forename, ey.MiddleNames, ey.Sex, ey.DOB AS Dob,
               ey.Ethnicity, ey.Language, ey.Postcode
        FROM EY_CHILD ey
        """;

    /// <summary>The children among <paramref name="ids"/> in <paramref name="scope"/>, in one statement.</summary>
    public Task<IReadOnlyDictionary<string, EarlyYearsChildRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CallerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { ids = ids.ToArray() });
        var condition = EarlyYearsChildScope.Instance.Filter(scope, parameters);
        return database.QueryByKeyAsync<string, EarlyYearsChildRecord>(counter,
            Columns + $" WHERE {database.Dialect.In("ey.EYChildId", "@ids")} AND {condition}", parameters, c => c.EyChildId, cancellationToken);
    }

    /// <summary>Children attending a setting now (a spell with no leaving date), by surname.</summary>
    public async Task<IReadOnlyList<EarlyYearsChildRecord>> GetAttendingAsync(int urn, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<EarlyYearsChildRecord>(counter,
            Columns + """
             WHERE ey.EYChildId IN (SELECT s.EYChildId FROM EY_CHILD_SETTING s WHERE s.URN = @urn AND s.LeavingDate IS NULL)
             ORDER BY ey.Surname, ey.Forename, ey.EYChildId
            """, new { urn }, cancellationToken).ConfigureAwait(false);
        return rows.ToList();
    }
}
