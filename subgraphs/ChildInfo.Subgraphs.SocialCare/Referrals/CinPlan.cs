namespace ChildInfo.Subgraphs.SocialCare.Referrals;

/// <summary>A child-in-need plan (<c>ssd_cin_plans</c>).</summary>
public sealed record CinPlan
{
    public required string CinPlanId { get; init; }
    public required string PersonId { get; init; }
    public string? ReferralId { get; init; }
    public DateOnly? CinPlanStartDate { get; init; }
    public DateOnly? CinPlanEndDate { get; init; }
    public string? TeamId { get; init; }
    public string? WorkerId { get; init; }
}
