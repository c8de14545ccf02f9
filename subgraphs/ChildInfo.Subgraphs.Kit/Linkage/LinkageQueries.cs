using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>Reads one page of an agency's identities: its SQL as a derived table, in local id order, after a cursor.</summary>
public static class LinkageQueries
{
    /// <summary>
    /// Up to <paramref name="first"/> records whose local id sorts after <paramref name="after"/> (from the start when
    /// null), with the cursor of the next page when there may be more.
    /// </summary>
    public static async Task<LinkageRecordPage> PageAsync(AgencyDatabase database, LinkageSource source, int first, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(source);
        // One row more than asked says whether another page follows.
        var sql = $"""
            SELECT r.local_id, r.forename, r.middle_name, r.surname, r.sex, r.dob, r.postcode, r.nhs_number, r.upn
            FROM ({source.Sql}) r {(after is null ? "" : "WHERE r.local_id > @after")}
            ORDER BY r.local_id {database.Dialect.Limit(first + 1)}
            """;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, new { after }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var more = rows.Count > first;
        var records = rows.Take(first).Select(ToIdentity).ToList();
        return new LinkageRecordPage(records, more ? records[^1].LocalId : null);
    }

    /// <summary>The record whose local id is <paramref name="localId"/>, as a page of one (or none), with no next page.</summary>
    public static async Task<LinkageRecordPage> OneAsync(AgencyDatabase database, LinkageSource source, string localId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(source);
        var sql = $"""
            SELECT r.local_id, r.forename, r.middle_name, r.surname, r.sex, r.dob, r.postcode, r.nhs_number, r.upn
            FROM ({source.Sql}) r WHERE r.local_id = @localId
            """;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { localId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new LinkageRecordPage([.. rows.Take(1).Select(ToIdentity)], null);
    }

    private static LinkageIdentity ToIdentity(Row r) =>
        new(r.LocalId, Blank(r.Forename), Blank(r.MiddleName), Blank(r.Surname), Blank(r.Sex), r.Dob, Blank(r.Postcode), Blank(r.NhsNumber), Blank(r.Upn));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Row
    {
        public string LocalId { get; set; } = "";

        public string? Forename { get; set; }

        public string? MiddleName { get; set; }

        public string? Surname { get; set; }

        public string? Sex { get; set; }

        public DateOnly? Dob { get; set; }

        public string? Postcode { get; set; }

        public string? NhsNumber { get; set; }

        public string? Upn { get; set; }
    }
}
