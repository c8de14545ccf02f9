using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>Reads children many at a time, so that a batch of representations costs one query.</summary>
public sealed class EarlyYearsChildRepository(AgencyDatabase database, QueryCounter counter)
{
    private const string Columns = """
        SELECT EYChildId AS EyChildId, NHSNumber AS NhsNumber, Surname, Forename, MiddleNames, Sex, DOB AS Dob,
               Ethnicity, Language, Postcode
        FROM EY_CHILD
        """;

    public Task<IReadOnlyDictionary<string, EarlyYearsChildRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryByKeyAsync<string, EarlyYearsChildRecord>(counter,
            Columns + $" WHERE {database.Dialect.In("EYChildId", "@ids")}", new { ids = ids.ToArray() }, c => c.EyChildId, cancellationToken);

    /// <summary>Children attending a setting now (a spell with no leaving date), by surname.</summary>
    public async Task<IReadOnlyList<EarlyYearsChildRecord>> GetAttendingAsync(int urn, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<EarlyYearsChildRecord>(counter,
            Columns + """
             WHERE EYChildId IN (SELECT s.EYChildId FROM EY_CHILD_SETTING s WHERE s.URN = @urn AND s.LeavingDate IS NULL)
             ORDER BY Surname, Forename, EYChildId
            """, new { urn }, cancellationToken).ConfigureAwait(false);
        return rows.ToList();
    }
}
