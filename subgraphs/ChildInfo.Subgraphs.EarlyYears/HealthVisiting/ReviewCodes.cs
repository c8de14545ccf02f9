namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

/// <summary>The five mandated health visiting reviews and the ASQ-3 domains and zones.</summary>
public static class ReviewCodes
{
    public const string Antenatal = "ANTENATAL";
    public const string NewBirth = "NEW_BIRTH";
    public const string SixToEightWeeks = "SIX_TO_EIGHT_WEEKS";
    public const string TwelveMonths = "TWELVE_MONTHS";
    public const string TwoYears = "TWO_YEARS";

    public static readonly IReadOnlyList<string> ReviewTypes = [Antenatal, NewBirth, SixToEightWeeks, TwelveMonths, TwoYears];

    /// <summary>ASQ-3 domains in questionnaire order.</summary>
    public static readonly IReadOnlyList<string> Asq3Domains = ["COMMUNICATION", "GROSS_MOTOR", "FINE_MOTOR", "PROBLEM_SOLVING", "PERSONAL_SOCIAL"];

    /// <summary>Zone letters as stored: A above the cut-off, M monitoring zone, B below the cut-off.</summary>
    public static string ZoneName(string? zone) => zone switch
    {
        "A" => "above cut-off",
        "M" => "monitoring zone",
        "B" => "below cut-off",
        _ => "not recorded",
    };
}
