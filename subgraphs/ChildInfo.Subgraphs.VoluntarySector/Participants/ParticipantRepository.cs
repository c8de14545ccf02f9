using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>Reads participants by id, a batch at a time.</summary>
public sealed class ParticipantRepository(AgencyDatabase database, QueryCounter counter)
{
    public const string ByIdsQuery = "participant.byIds";

    public async Task<IReadOnlyDictionary<string, VcsParticipant>> GetManyAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record(ByIdsQuery);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT ParticipantID, Forename, MiddleName, Surname, KnownAs, DOB, Sex, Postcode, NHSNumber, UPN,
                   RegisteredDate, RegisteredByOrgID
            FROM tblParticipant
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new VcsParticipant
        {
            ParticipantId = DbValue.RequiredText(r, "ParticipantID"),
            Forename = DbValue.Text(r, "Forename"),
            MiddleName = DbValue.Text(r, "MiddleName"),
            Surname = DbValue.Text(r, "Surname"),
            KnownAs = DbValue.Text(r, "KnownAs"),
            DateOfBirth = DbValue.Date(r, "DOB"),
            Sex = DbValue.Text(r, "Sex"),
            Postcode = DbValue.Text(r, "Postcode"),
            NhsNumber = DbValue.Text(r, "NHSNumber"),
            Upn = DbValue.Text(r, "UPN"),
            RegisteredDate = DbValue.Date(r, "RegisteredDate"),
            RegisteredByOrganisationId = DbValue.Text(r, "RegisteredByOrgID"),
        }).ToDictionary(p => p.ParticipantId, StringComparer.Ordinal);
    }
}
