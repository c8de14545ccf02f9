namespace ChildInfo.Subgraphs.SocialCare.EarlyHelp;

/// <summary>An early help episode (<c>ssd_early_help_episodes</c>).</summary>
public sealed record EarlyHelpEpisode
{
    public required string EpisodeId { get; init; }
    public required string PersonId { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Reason { get; init; }
    public string? EndReason { get; init; }
    public string? Organisation { get; init; }
    public string? WorkerId { get; init; }
}
