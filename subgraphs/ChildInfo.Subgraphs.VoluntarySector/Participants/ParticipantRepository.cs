using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>Reads participants by id, a batch at a time and within the caller's scope.</summary>
public sealed class ParticipantRepository(AgencyDatabase database, QueryCounter counter)
{
    public const string ByIdsQuery = "participant.byIds";

    /// <summary>The participants among <paramref name="participantIds"/> in <paramref name="scope"/>, in one statement.</summary>
    public async Task<IReadOnlyDictionary<string, VcsParticipant>> GetManyAsync(IReadOnlyCollection<string> participantIds, CallerScope scope, CancellationToken cancellationToken)
    {
        counter.Record(ByIdsQuery);
        var parameters = new DynamicParameters(new { ids = participantIds.ToArray() });
        var condition = ParticipantScope.Instance.Filter(scope, parameters);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT p.ParticipantID, p.Forename, p.MiddleName, p.Surname, p.KnownAs, p.DOB, p.Sex, p.Postcode, p.NHSNumber, p.UPN,
                   p.RegisteredDate, p.RegisteredByOrgID
            FROM tblParticipant p
            WHERE {database.Dialect.In("p.ParticipantID", "@ids")} AND {condition}
            """, parameters, cancellationToken).ConfigureAwait(false);
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
