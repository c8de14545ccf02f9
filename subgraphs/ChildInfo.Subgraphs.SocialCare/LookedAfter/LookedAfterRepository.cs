using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.SocialCare.LookedAfter;

/// <summary>Looked-after episodes, with legal status and placement joined in SQL, for a batch of children.</summary>
public sealed class LookedAfterRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<LookedAfterEpisode>> GetEpisodesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("lookedAfter.episodes");
        var limit = database.Dialect.Limit(1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT e.clae_cla_episode_id, e.clae_person_id, e.clae_cla_id, e.clae_cla_episode_start_date,
                   e.clae_cla_episode_start_reason, e.clae_cla_primary_need_code, e.clae_cla_episode_ceased_date,
                   e.clae_cla_episode_ceased_reason, e.clae_entered_care_date,
                   p.clap_cla_placement_type, p.clap_cla_placement_provider, p.clap_cla_placement_postcode,
                   p.clap_cla_placement_urn, p.clap_cla_placement_change_reason,
                   (SELECT l.lega_legal_status FROM ssd_legal_status l
                     WHERE l.lega_person_id = e.clae_person_id
                       AND l.lega_legal_status_start_date <= e.clae_cla_episode_start_date
                       AND (l.lega_legal_status_end_date IS NULL OR l.lega_legal_status_end_date > e.clae_cla_episode_start_date)
                     ORDER BY l.lega_legal_status_start_date DESC {limit}) AS legal_status
            FROM ssd_cla_episodes e
            LEFT JOIN ssd_cla_placement p ON p.clap_cla_placement_id = e.clae_cla_placement_id
            WHERE {database.Dialect.In("e.clae_person_id", "@ids")}
            ORDER BY e.clae_person_id, e.clae_cla_episode_start_date DESC, e.clae_cla_episode_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new LookedAfterEpisode
        {
            EpisodeId = DbValue.RequiredText(r, "clae_cla_episode_id"),
            PersonId = DbValue.RequiredText(r, "clae_person_id"),
            PeriodOfCareId = DbValue.Text(r, "clae_cla_id"),
            Decom = DbValue.Date(r, "clae_cla_episode_start_date"),
            Rne = DbValue.Text(r, "clae_cla_episode_start_reason"),
            Ls = DbValue.Text(r, "legal_status"),
            Cin = DbValue.Text(r, "clae_cla_primary_need_code"),
            Place = DbValue.Text(r, "clap_cla_placement_type"),
            PlaceProvider = DbValue.Text(r, "clap_cla_placement_provider"),
            PlacementPostcode = DbValue.Text(r, "clap_cla_placement_postcode"),
            PlacementUrn = DbValue.Text(r, "clap_cla_placement_urn"),
            Dec = DbValue.Date(r, "clae_cla_episode_ceased_date"),
            Rec = DbValue.Text(r, "clae_cla_episode_ceased_reason"),
            ReasonPlaceChange = DbValue.Text(r, "clap_cla_placement_change_reason"),
            EnteredCareDate = DbValue.Date(r, "clae_entered_care_date"),
        });
    }
}
