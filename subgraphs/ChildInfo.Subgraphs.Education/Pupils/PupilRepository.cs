using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>Reads pupils, many at a time, so that a batch of representations costs one query.</summary>
public sealed class PupilRepository(AgencyDatabase database, QueryCounter counter)
{
    private const string Columns = """
        SELECT UPN AS Upn, FormerUPN AS FormerUpn, Surname, Forename, MiddleNames, PreferredSurname, FormerSurname,
               Sex, DOB AS Dob, Ethnicity, Language, FSMeligible AS FsmEligible, EVERFSM_6 AS EverFsm6,
               NCyearActual AS NcYearActual, ServiceChild, SENprovision AS SenProvision, Postcode
        FROM PUPIL
        """;

    public Task<IReadOnlyDictionary<string, PupilRecord>> GetManyAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryByKeyAsync<string, PupilRecord>(counter,
            Columns + $" WHERE {database.Dialect.In("UPN", "@upns")}", new { upns = upns.ToArray() }, p => p.Upn, cancellationToken);

    /// <summary>Pupils currently on a school's roll (an enrolment with no leaving date), by surname.</summary>
    public async Task<IReadOnlyList<PupilRecord>> GetRollAsync(int urn, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<PupilRecord>(counter,
            Columns + """
             WHERE UPN IN (SELECT e.UPN FROM PUPIL_ENROLMENT e WHERE e.URN = @urn AND e.LeavingDate IS NULL)
             ORDER BY Surname, Forename, UPN
            """, new { urn }, cancellationToken).ConfigureAwait(false);
        return rows.ToList();
    }
}
