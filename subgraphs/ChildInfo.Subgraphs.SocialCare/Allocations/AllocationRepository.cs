using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>Who is allocated to which child, and the teams and workers they belong to.</summary>
public sealed class AllocationRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<Allocation>> GetAllocationsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("allocation.byPerson");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT i.invo_involvements_id, i.invo_person_id, i.invo_professional_id, i.invo_professional_role_id,
                   i.invo_professional_team, i.invo_involvement_start_date, i.invo_involvement_end_date,
                   i.invo_worker_change_reason, w.prof_professional_name, w.prof_professional_job_title, d.dept_team_name
            FROM ssd_involvements i
            LEFT JOIN ssd_professionals w ON w.prof_professional_id = i.invo_professional_id
            LEFT JOIN ssd_department d ON d.dept_team_id = i.invo_professional_team
            WHERE {database.Dialect.In("i.invo_person_id", "@ids")}
            ORDER BY i.invo_person_id, i.invo_involvement_start_date DESC, i.invo_involvements_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Allocation
        {
            InvolvementId = DbValue.RequiredText(r, "invo_involvements_id"),
            PersonId = DbValue.RequiredText(r, "invo_person_id"),
            WorkerId = DbValue.RequiredText(r, "invo_professional_id"),
            WorkerName = DbValue.Text(r, "prof_professional_name"),
            JobTitle = DbValue.Text(r, "prof_professional_job_title"),
            TeamId = DbValue.Text(r, "invo_professional_team"),
            TeamName = DbValue.Text(r, "dept_team_name"),
            Role = DbValue.Text(r, "invo_professional_role_id"),
            StartDate = DbValue.Date(r, "invo_involvement_start_date"),
            EndDate = DbValue.Date(r, "invo_involvement_end_date"),
            ChangeReason = DbValue.Text(r, "invo_worker_change_reason"),
        });
    }

    /// <summary>Whether the worker, or the team when given, holds at least one open allocation.</summary>
    public async Task<bool> HoldsCaseloadAsync(string workerId, string? teamId, CancellationToken cancellationToken)
    {
        counter.Record("allocation.holds");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlRows.ExistsAsync(connection, """
            SELECT 1 FROM ssd_involvements WHERE invo_involvement_end_date IS NULL AND (invo_professional_id = @worker OR invo_professional_team = @team)
            """, new { worker = workerId, team = teamId ?? "" }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        counter.Record("allocation.team");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, """
            SELECT dept_team_id, dept_team_name, dept_team_parent_id, dept_team_parent_name
            FROM ssd_department WHERE dept_team_id = @teamId
            """, new { teamId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Team(DbValue.RequiredText(r, "dept_team_id"), DbValue.RequiredText(r, "dept_team_name"),
            DbValue.Text(r, "dept_team_parent_id"), DbValue.Text(r, "dept_team_parent_name"))).FirstOrDefault();
    }

    public async Task<IEnumerable<Professional>> GetTeamMembersAsync(IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        counter.Record("allocation.teamMembers");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT prof_professional_id, prof_professional_name, prof_professional_job_title, prof_professional_department,
                   prof_social_worker_registration_no, prof_agency_worker_flag
            FROM ssd_professionals
            WHERE {database.Dialect.In("prof_professional_department", "@ids")}
            ORDER BY prof_professional_department, prof_professional_name, prof_professional_id
            """, new { ids = teamIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Professional
        {
            WorkerId = DbValue.RequiredText(r, "prof_professional_id"),
            Name = DbValue.Text(r, "prof_professional_name"),
            JobTitle = DbValue.Text(r, "prof_professional_job_title"),
            TeamId = DbValue.Text(r, "prof_professional_department"),
            RegistrationNumber = DbValue.Text(r, "prof_social_worker_registration_no"),
            AgencyWorker = DbValue.Flag(r, "prof_agency_worker_flag"),
        });
    }
}
