using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Attendance;

/// <summary>Termly attendance; persistent absence (at least 10% of possible sessions missed) is decided in SQL.</summary>
public sealed class AttendanceRepository(AgencyDatabase database, QueryCounter counter)
{
    private const string Absence = "(SessionsAuthorisedAbsence + SessionsUnauthorisedAbsence)";

    public Task<IEnumerable<AttendanceTermRecord>> GetTermsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<AttendanceTermRecord>(counter, $"""
            SELECT UPN AS Upn, AcademicYear, Term, TermStart, URN AS Urn, SessionsPossible, SessionsPresent,
                   SessionsApprovedActivity, SessionsAuthorisedAbsence, SessionsUnauthorisedAbsence,
                   CASE WHEN SessionsPossible > 0 AND {Absence} * 10 >= SessionsPossible THEN 1 ELSE 0 END AS PersistentAbsence
            FROM PUPIL_ATTENDANCE
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, TermStart
            """, new { upns = upns.ToArray() }, cancellationToken);

    public Task<IEnumerable<AttendanceYearRecord>> GetYearsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<AttendanceYearRecord>(counter, $"""
            SELECT UPN AS Upn, AcademicYear, COUNT(*) AS Terms, SUM(SessionsPossible) AS SessionsPossible,
                   SUM(SessionsAuthorisedAbsence) AS SessionsAuthorisedAbsence,
                   SUM(SessionsUnauthorisedAbsence) AS SessionsUnauthorisedAbsence,
                   CASE WHEN SUM(SessionsPossible) > 0
                         AND SUM(SessionsAuthorisedAbsence + SessionsUnauthorisedAbsence) * 10 >= SUM(SessionsPossible)
                        THEN 1 ELSE 0 END AS PersistentAbsence
            FROM PUPIL_ATTENDANCE
            WHERE {database.Dialect.In("UPN", "@upns")}
            GROUP BY UPN, AcademicYear
            ORDER BY UPN, AcademicYear DESC
            """, new { upns = upns.ToArray() }, cancellationToken);

    /// <summary>Absence codes for the given terms (keys from <see cref="TermKey"/>), fetched by pupil.</summary>
    public async Task<IEnumerable<AttendanceCodeRecord>> GetCodesAsync(IReadOnlyCollection<string> termKeys, CancellationToken cancellationToken)
    {
        var upns = termKeys.Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await database.QueryAsync<AttendanceCodeRecord>(counter, $"""
            SELECT UPN AS Upn, AcademicYear, Term, AttendanceCode, Sessions
            FROM PUPIL_ATTENDANCE_CODE
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, AcademicYear, Term, Sessions DESC, AttendanceCode
            """, new { upns = upns.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public static string TermKey(string upn, string academicYear, string term) => upn + "|" + academicYear + "|" + term;
}
