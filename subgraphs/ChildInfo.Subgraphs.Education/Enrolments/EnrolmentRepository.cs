using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Enrolments;

public sealed class EnrolmentRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<EnrolmentRecord>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<EnrolmentRecord>(counter, $"""
            SELECT EnrolmentId, UPN AS Upn, URN AS Urn, EntryDate, LeavingDate, EnrolStatus
            FROM PUPIL_ENROLMENT
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, EntryDate
            """, new { upns = upns.ToArray() }, cancellationToken);
}
