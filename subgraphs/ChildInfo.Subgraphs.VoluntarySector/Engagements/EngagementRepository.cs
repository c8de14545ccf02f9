using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.VoluntarySector.Engagements;

/// <summary>Engagements and keyworker notes for a batch of participants.</summary>
public sealed class EngagementRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<Engagement>> GetEngagementsAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("engagement.byParticipant");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT EngagementID, ParticipantID, OrgID, ServiceCode, StartDate, EndDate, SessionsOffered, SessionsAttended,
                   KeyworkerID, KeyworkerName, ReferralRoute, EndReason
            FROM tblEngagement
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, StartDate DESC, EngagementID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new Engagement
        {
            EngagementId = DbValue.RequiredText(r, "EngagementID"),
            ParticipantId = DbValue.RequiredText(r, "ParticipantID"),
            OrganisationId = DbValue.RequiredText(r, "OrgID"),
            Service = DbValue.RequiredText(r, "ServiceCode"),
            StartDate = DbValue.Date(r, "StartDate") ?? default,
            EndDate = DbValue.Date(r, "EndDate"),
            SessionsOffered = DbValue.Int(r, "SessionsOffered"),
            SessionsAttended = DbValue.Int(r, "SessionsAttended"),
            KeyworkerId = DbValue.Text(r, "KeyworkerID"),
            KeyworkerName = DbValue.Text(r, "KeyworkerName"),
            ReferralRoute = DbValue.Text(r, "ReferralRoute"),
            EndReason = DbValue.Text(r, "EndReason"),
        });
    }

    /// <summary>Whether the keyworker, or the organisation when given, holds at least one open engagement.</summary>
    public async Task<bool> HoldsCaseloadAsync(string keyworkerId, string? organisationId, CancellationToken cancellationToken)
    {
        counter.Record("engagement.holds");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqlRows.ExistsAsync(connection, """
            SELECT 1 FROM tblEngagement WHERE EndDate IS NULL AND (KeyworkerID = @keyworker OR OrgID = @organisation)
            """, new { keyworker = keyworkerId, organisation = organisationId ?? "" }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IEnumerable<KeyworkerNote>> GetNotesAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("engagement.notes");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT NoteID, EngagementID, ParticipantID, NoteDate, SessionType, Author, NoteText
            FROM tblKeyworkerNote
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, NoteDate DESC, NoteID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new KeyworkerNote
        {
            NoteId = DbValue.RequiredText(r, "NoteID"),
            EngagementId = DbValue.RequiredText(r, "EngagementID"),
            ParticipantId = DbValue.RequiredText(r, "ParticipantID"),
            NoteDate = DbValue.Date(r, "NoteDate") ?? default,
            SessionType = DbValue.Text(r, "SessionType"),
            Author = DbValue.RequiredText(r, "Author"),
            Text = DbValue.RequiredText(r, "NoteText"),
        });
    }
}
