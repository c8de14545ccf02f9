using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.SocialCare.People;

/// <summary>Reads children (<c>ssd_person</c>) with their current postcode, UPN and open-plan flags, in one statement.</summary>
public sealed class PersonRepository(AgencyDatabase database, QueryCounter counter)
{
    /// <summary>Query name for <see cref="QueryCounter"/>.</summary>
    public const string ByIdsQuery = "person.byIds";

    private string SelectPeople => $"""
        SELECT p.pers_person_id, p.pers_legacy_id, p.pers_forename, p.pers_surname, p.pers_sex, p.pers_gender,
               p.pers_ethnicity, p.pers_dob, p.pers_expected_dob, p.pers_death_date, p.pers_common_child_id,
               p.pers_upn_unknown, p.pers_send_flag, p.pers_nationality,
               (SELECT a.addr_address_postcode FROM ssd_address a
                 WHERE a.addr_person_id = p.pers_person_id AND a.addr_address_end_date IS NULL
                 ORDER BY a.addr_address_start_date DESC {database.Dialect.Limit(1)}) AS current_postcode,
               (SELECT l.link_identifier_value FROM ssd_linked_identifiers l
                 WHERE l.link_person_id = p.pers_person_id AND l.link_identifier_type = 'Unique Pupil Number'
                   AND l.link_valid_to_date IS NULL
                 ORDER BY l.link_valid_from_date DESC {database.Dialect.Limit(1)}) AS current_upn,
               CASE WHEN EXISTS (SELECT 1 FROM ssd_cp_plans c
                 WHERE c.cppl_person_id = p.pers_person_id AND c.cppl_cp_plan_end_date IS NULL) THEN 1 ELSE 0 END AS cp_active,
               CASE WHEN EXISTS (SELECT 1 FROM ssd_cla_episodes e
                 WHERE e.clae_person_id = p.pers_person_id AND e.clae_cla_episode_ceased_date IS NULL) THEN 1 ELSE 0 END AS cla_active
        FROM ssd_person p
        """;

    /// <summary>The children with these ids, keyed by id; unknown ids are absent.</summary>
    public async Task<IReadOnlyDictionary<string, SocialCareChild>> GetManyAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record(ByIdsQuery);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, SelectPeople + $" WHERE {database.Dialect.In("p.pers_person_id", "@ids")}", new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(Map).ToDictionary(c => c.PersonId, StringComparer.Ordinal);
    }

    /// <summary>Children currently allocated to a worker (an open <c>ssd_involvements</c> row), by surname.</summary>
    public async Task<IReadOnlyList<SocialCareChild>> GetCaseloadAsync(string workerId, CancellationToken cancellationToken)
    {
        counter.Record("person.caseload");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, SelectPeople + """
             WHERE p.pers_person_id IN (SELECT i.invo_person_id FROM ssd_involvements i
                                         WHERE i.invo_professional_id = @workerId AND i.invo_involvement_end_date IS NULL)
             ORDER BY p.pers_surname, p.pers_forename, p.pers_person_id
            """, new { workerId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(Map).ToList();
    }

    /// <summary>Children currently allocated to anyone in a team, by surname.</summary>
    public async Task<IReadOnlyList<SocialCareChild>> GetTeamCaseloadAsync(string teamId, CancellationToken cancellationToken)
    {
        counter.Record("person.teamCaseload");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, SelectPeople + """
             WHERE p.pers_person_id IN (SELECT i.invo_person_id FROM ssd_involvements i
                                         WHERE i.invo_professional_team = @teamId AND i.invo_involvement_end_date IS NULL)
             ORDER BY p.pers_surname, p.pers_forename, p.pers_person_id
            """, new { teamId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(Map).ToList();
    }

    public async Task<IEnumerable<Disability>> GetDisabilitiesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("person.disabilities");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT disa_person_id, disa_disability_code FROM ssd_disability
            WHERE {database.Dialect.In("disa_person_id", "@ids")} ORDER BY disa_person_id, disa_disability_code
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Disability(DbValue.RequiredText(r, "disa_person_id"), DbValue.RequiredText(r, "disa_disability_code")));
    }

    private static SocialCareChild Map(IDictionary<string, object?> r) => new()
    {
        PersonId = DbValue.RequiredText(r, "pers_person_id"),
        LegacyId = DbValue.Text(r, "pers_legacy_id"),
        Forename = DbValue.Text(r, "pers_forename"),
        Surname = DbValue.Text(r, "pers_surname"),
        Sex = DbValue.Text(r, "pers_sex"),
        Gender = DbValue.Text(r, "pers_gender"),
        Ethnicity = DbValue.Text(r, "pers_ethnicity"),
        DateOfBirth = DbValue.Date(r, "pers_dob"),
        ExpectedDateOfBirth = DbValue.Date(r, "pers_expected_dob"),
        DateOfDeath = DbValue.Date(r, "pers_death_date"),
        NhsNumber = DbValue.Text(r, "pers_common_child_id"),
        UpnUnknown = DbValue.Text(r, "pers_upn_unknown"),
        HasEhcPlan = DbValue.Flag(r, "pers_send_flag"),
        Nationality = DbValue.Text(r, "pers_nationality"),
        Postcode = DbValue.Text(r, "current_postcode"),
        Upn = DbValue.Text(r, "current_upn"),
        ChildProtectionPlanActive = DbValue.Flag(r, "cp_active") ?? false,
        LookedAfterActive = DbValue.Flag(r, "cla_active") ?? false,
    };
}
