using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Fsm;

public sealed class FsmRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<FsmPeriodRecord>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<FsmPeriodRecord>(counter, $"""
            SELECT UPN AS Upn, FSMStartDate AS FsmStartDate, FSMEndDate AS FsmEndDate
            FROM PUPIL_FSM
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, FSMStartDate
            """, new { upns = upns.ToArray() }, cancellationToken);
}
