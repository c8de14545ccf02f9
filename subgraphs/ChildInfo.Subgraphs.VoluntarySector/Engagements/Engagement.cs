namespace ChildInfo.Subgraphs.VoluntarySector.Engagements;

/// <summary>A young person's time with one of an organisation's services (<c>tblEngagement</c>).</summary>
public sealed record Engagement
{
    public required string EngagementId { get; init; }
    public required string ParticipantId { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>YOUTH_WORK, YOUNG_CARERS, MENTORING, FAMILY_SUPPORT.</summary>
    public required string Service { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? SessionsOffered { get; init; }
    public int? SessionsAttended { get; init; }
    public string? KeyworkerId { get; init; }
    public string? KeyworkerName { get; init; }

    /// <summary>SELF, FAMILY, SCHOOL, SOCIAL_CARE, EARLY_HELP, HEALTH, OTHER_VCS, POLICE.</summary>
    public string? ReferralRoute { get; init; }
    public string? EndReason { get; init; }
}
