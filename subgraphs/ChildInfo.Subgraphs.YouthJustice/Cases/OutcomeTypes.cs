namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// The legal outcomes a youth justice service works with, and the tier each belongs to, as the YJB's case-level data
/// and the annual Youth Justice Statistics (YJB and Ministry of Justice) group them. Pre-court: a community
/// resolution (informal, not a formal disposal), a youth caution or a youth conditional caution (formal out-of-court
/// disposals). Court sentences by tier: first-tier (a referral order), community (a youth rehabilitation order) and
/// custody (a detention and training order). A real system holds more outcomes than these six; an outcome this list
/// does not know has no tier.
/// </summary>
public static class OutcomeTypes
{
    public const string CommunityResolution = "COMMUNITY_RESOLUTION";
    public const string YouthCaution = "YOUTH_CAUTION";
    public const string YouthConditionalCaution = "YOUTH_CONDITIONAL_CAUTION";
    public const string ReferralOrder = "REFERRAL_ORDER";
    public const string YouthRehabilitationOrder = "YOUTH_REHABILITATION_ORDER";
    public const string DetentionAndTrainingOrder = "DETENTION_AND_TRAINING_ORDER";

    public const string PreCourt = "PRE_COURT";
    public const string FirstTier = "FIRST_TIER";
    public const string Community = "COMMUNITY";
    public const string Custody = "CUSTODY";

    public static readonly IReadOnlyList<string> All =
        [CommunityResolution, YouthCaution, YouthConditionalCaution, ReferralOrder, YouthRehabilitationOrder, DetentionAndTrainingOrder];

    /// <summary>PRE_COURT, FIRST_TIER, COMMUNITY or CUSTODY; null for an outcome not in <see cref="All"/>.</summary>
    public static string? TierOf(string outcomeType) => outcomeType switch
    {
        CommunityResolution or YouthCaution or YouthConditionalCaution => PreCourt,
        ReferralOrder => FirstTier,
        YouthRehabilitationOrder => Community,
        DetentionAndTrainingOrder => Custody,
        _ => null,
    };
}
