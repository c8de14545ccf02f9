using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>Reads cases a batch at a time: by case id, or every case of a batch of children by child-index id.</summary>
public sealed class CaseRepository(AgencyDatabase database, QueryCounter counter)
{
    public const string ByIdsQuery = "case.byIds";
    public const string ByChildQuery = "case.byChild";

    private const string Columns = """
        c.case_id, c.person_id, p.child_index_id, p.forename, p.surname, p.dob, p.sex, c.outcome_type, c.offence_category,
        c.offence_date, c.outcome_date, c.case_worker_id, c.case_worker_name, c.case_team_id, c.case_worker_team, c.assessed_on, c.likelihood_of_reoffending,
        c.risk_of_serious_harm, c.safety_and_wellbeing, c.case_status, c.closed_on
        """;

    public async Task<IReadOnlyDictionary<string, YouthJusticeCase>> GetManyAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        counter.Record(ByIdsQuery);
        var cases = await QueryAsync($"""
            SELECT {Columns}
            FROM yj_case c JOIN yj_person p ON p.person_id = c.person_id
            WHERE {database.Dialect.In("c.case_id", "@ids")}
            """, caseIds, cancellationToken).ConfigureAwait(false);
        return cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
    }

    /// <summary>Every case of the given children, newest outcome first.</summary>
    public async Task<IEnumerable<YouthJusticeCase>> GetByChildAsync(IReadOnlyCollection<string> childIds, CancellationToken cancellationToken)
    {
        counter.Record(ByChildQuery);
        return await QueryAsync($"""
            SELECT {Columns}
            FROM yj_case c JOIN yj_person p ON p.person_id = c.person_id
            WHERE {database.Dialect.In("p.child_index_id", "@ids")}
            ORDER BY p.child_index_id, c.outcome_date DESC, c.case_id
            """, childIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the worker, or the team when given, holds at least one open case.</summary>
    public async Task<bool> HoldsCaseloadAsync(string workerId, string? teamId, CancellationToken cancellationToken)
    {
        counter.Record("case.holds");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlRows.ExistsAsync(connection, """
            SELECT 1 FROM yj_case WHERE closed_on IS NULL AND (case_worker_id = @worker OR case_team_id = @team)
            """, new { worker = workerId, team = teamId ?? "" }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<YouthJusticeCase>> QueryAsync(string sql, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, sql, new { ids = ids.ToArray() }, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    private static YouthJusticeCase Read(IDictionary<string, object?> r) => new()
    {
        CaseId = DbValue.RequiredText(r, "case_id"),
        PersonId = DbValue.RequiredText(r, "person_id"),
        ChildIndexId = DbValue.Text(r, "child_index_id"),
        Forename = DbValue.Text(r, "forename"),
        Surname = DbValue.Text(r, "surname"),
        DateOfBirth = DbValue.Date(r, "dob"),
        Sex = DbValue.Text(r, "sex"),
        OutcomeType = DbValue.RequiredText(r, "outcome_type"),
        OffenceCategory = DbValue.RequiredText(r, "offence_category"),
        OffenceDate = DbValue.Date(r, "offence_date") ?? default,
        OutcomeDate = DbValue.Date(r, "outcome_date") ?? default,
        CaseWorker = new CaseWorker(DbValue.RequiredText(r, "case_worker_name"), DbValue.RequiredText(r, "case_worker_team"),
            DbValue.Text(r, "case_worker_id"), DbValue.Text(r, "case_team_id")),
        AssessedOn = DbValue.Date(r, "assessed_on"),
        LikelihoodOfReoffending = DbValue.Text(r, "likelihood_of_reoffending"),
        RiskOfSeriousHarm = DbValue.Text(r, "risk_of_serious_harm"),
        SafetyAndWellbeing = DbValue.Text(r, "safety_and_wellbeing"),
        Status = DbValue.RequiredText(r, "case_status"),
        ClosedOn = DbValue.Date(r, "closed_on"),
    };
}
