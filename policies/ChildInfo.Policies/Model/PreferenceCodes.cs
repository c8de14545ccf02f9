namespace ChildInfo.Policies.Model;

/// <summary>The data-use preference codes the subgraphs expose on <c>DataUsePreference.code</c>.</summary>
public static class PreferenceCodes
{
    public const string NoResearchUse = "NO_RESEARCH_USE";
    public const string NotWithEducation = "NOT_WITH_EDUCATION";
    public const string NotWithSocialCare = "NOT_WITH_SOCIAL_CARE";
    public const string NotWithVoluntarySector = "NOT_WITH_VOLUNTARY_SECTOR";
    public const string NotWithEarlyYears = "NOT_WITH_EARLY_YEARS";

    public static readonly IReadOnlyList<string> All =
        [NoResearchUse, NotWithEducation, NotWithSocialCare, NotWithVoluntarySector, NotWithEarlyYears];

    /// <summary>The agency a <c>NOT_WITH_*</c> code keeps the data from, or null for other codes.</summary>
    public static string? ExcludedAgency(string code) => code switch
    {
        NotWithEducation => "education",
        NotWithSocialCare => "social-care",
        NotWithVoluntarySector => "voluntary-sector",
        NotWithEarlyYears => "early-years",
        _ => null,
    };
}
