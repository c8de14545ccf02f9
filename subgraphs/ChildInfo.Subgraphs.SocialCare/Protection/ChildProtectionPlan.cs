namespace ChildInfo.Subgraphs.SocialCare.Protection;

/// <summary>A child protection plan (<c>ssd_cp_plans</c>).</summary>
public sealed record ChildProtectionPlan
{
    public required string CpPlanId { get; init; }
    public required string PersonId { get; init; }
    public string? ReferralId { get; init; }
    public DateOnly? CppStartDate { get; init; }
    public DateOnly? CppEndDate { get; init; }

    /// <summary>Category of abuse at the start: NEG PHY EMO SAB MUL.</summary>
    public string? InitialCategoryOfAbuse { get; init; }
    public string? LatestCategoryOfAbuse { get; init; }

    /// <summary>Plans this child had before this one, counted in SQL.</summary>
    public int NumberOfPreviousCpp { get; init; }
    public bool? OtherLocalAuthority { get; init; }
}
