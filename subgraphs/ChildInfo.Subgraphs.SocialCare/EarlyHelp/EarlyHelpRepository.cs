using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.SocialCare.EarlyHelp;

/// <summary>Early help episodes for a batch of children.</summary>
public sealed class EarlyHelpRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<EarlyHelpEpisode>> GetEpisodesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("earlyHelp.episodes");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT earl_episode_id, earl_person_id, earl_episode_start_date, earl_episode_end_date, earl_episode_reason,
                   earl_episode_end_reason, earl_episode_organisation, earl_episode_worker_id
            FROM ssd_early_help_episodes
            WHERE {database.Dialect.In("earl_person_id", "@ids")}
            ORDER BY earl_person_id, earl_episode_start_date DESC, earl_episode_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new EarlyHelpEpisode
        {
            EpisodeId = DbValue.RequiredText(r, "earl_episode_id"),
            PersonId = DbValue.RequiredText(r, "earl_person_id"),
            StartDate = DbValue.Date(r, "earl_episode_start_date"),
            EndDate = DbValue.Date(r, "earl_episode_end_date"),
            Reason = DbValue.Text(r, "earl_episode_reason"),
            EndReason = DbValue.Text(r, "earl_episode_end_reason"),
            Organisation = DbValue.Text(r, "earl_episode_organisation"),
            WorkerId = DbValue.Text(r, "earl_episode_worker_id"),
        });
    }
}
