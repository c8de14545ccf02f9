namespace ChildInfo.Subgraphs.EarlyYears.Funding;

/// <summary>Early years census funding codes.</summary>
public static class FundingCodes
{
    /// <summary>Two-year-old funding basis (N00178): economic criteria, high-level SEN or disability, looked after or adopted.</summary>
    public static readonly IReadOnlyList<string> TwoYearOldBasis = ["ECO", "HSD", "LAA"];

    /// <summary>Universal entitlement for three and four year olds, hours a week.</summary>
    public const decimal UniversalHours = 15m;

    /// <summary>Working-parent extended entitlement ("30 hours") on top of the universal 15.</summary>
    public const decimal ExtendedHours = 15m;
}
