namespace ChildInfo.Subgraphs.SocialCare.Referrals;

/// <summary>A referral and the child-in-need episode it opened (<c>ssd_cin_episodes</c>).</summary>
public sealed record CinEpisode
{
    public required string ReferralId { get; init; }
    public required string PersonId { get; init; }
    public DateOnly? CinReferralDate { get; init; }

    /// <summary>CIN census ReferralSource (1A–10).</summary>
    public string? ReferralSource { get; init; }
    public string? ReferralSourceDescription { get; init; }

    /// <summary>CIN census PrimaryNeedCode (N0–N9).</summary>
    public string? PrimaryNeedCode { get; init; }
    public DateOnly? CinClosureDate { get; init; }

    /// <summary>CIN census ReasonForClosure (RC1–RC9).</summary>
    public string? ReasonForClosure { get; init; }
    public bool? ReferralNfa { get; init; }
    public string? TeamId { get; init; }
    public string? WorkerId { get; init; }
}
