using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

/// <summary>Outcome measures (SDQ, WEMWBS, Star readings) for a batch of participants.</summary>
public sealed class OutcomeRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<SdqScore>> GetSdqAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("outcome.sdq");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT SDQID, ParticipantID, CompletedDate, Respondent, Emotional, Conduct, Hyperactivity, PeerProblems, Prosocial,
                   Emotional + Conduct + Hyperactivity + PeerProblems AS TotalDifficulties
            FROM tblSDQ
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, CompletedDate DESC, SDQID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new SdqScore
        {
            SdqId = DbValue.RequiredText(r, "SDQID"),
            ParticipantId = DbValue.RequiredText(r, "ParticipantID"),
            CompletedDate = DbValue.Date(r, "CompletedDate") ?? default,
            Respondent = DbValue.RequiredText(r, "Respondent"),
            Emotional = DbValue.Int(r, "Emotional") ?? 0,
            Conduct = DbValue.Int(r, "Conduct") ?? 0,
            Hyperactivity = DbValue.Int(r, "Hyperactivity") ?? 0,
            PeerProblems = DbValue.Int(r, "PeerProblems") ?? 0,
            Prosocial = DbValue.Int(r, "Prosocial") ?? 0,
            TotalDifficulties = DbValue.Int(r, "TotalDifficulties") ?? 0,
        });
    }

    public async Task<IEnumerable<WemwbsScore>> GetWemwbsAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("outcome.wemwbs");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT WEMWBSID, ParticipantID, CompletedDate, TotalScore
            FROM tblWEMWBS
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, CompletedDate DESC, WEMWBSID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new WemwbsScore(DbValue.RequiredText(r, "WEMWBSID"), DbValue.RequiredText(r, "ParticipantID"),
            DbValue.Date(r, "CompletedDate") ?? default, DbValue.Int(r, "TotalScore") ?? 0));
    }

    public async Task<IEnumerable<StarReading>> GetStarReadingsAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("outcome.star");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT ReadingID, ParticipantID, EngagementID, StarName, ScaleName, Score, ReadingDate, ReadingType
            FROM tblStarReading
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, ReadingDate, ScaleName, ReadingID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new StarReading
        {
            ReadingId = DbValue.RequiredText(r, "ReadingID"),
            ParticipantId = DbValue.RequiredText(r, "ParticipantID"),
            EngagementId = DbValue.Text(r, "EngagementID"),
            StarName = DbValue.RequiredText(r, "StarName"),
            ScaleName = DbValue.RequiredText(r, "ScaleName"),
            Score = DbValue.Int(r, "Score") ?? 0,
            ReadingDate = DbValue.Date(r, "ReadingDate") ?? default,
            ReadingType = DbValue.RequiredText(r, "ReadingType"),
        });
    }
}
