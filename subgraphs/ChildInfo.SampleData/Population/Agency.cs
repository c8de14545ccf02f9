namespace ChildInfo.SampleData.Population;

/// <summary>The sample agencies, with the names the subgraphs and policies use.</summary>
public static class Agency
{
    public const string ChildIndex = "child-index";
    public const string Education = "education";
    public const string EarlyYears = "early-years";
    public const string SocialCare = "social-care";
    public const string VoluntarySector = "voluntary-sector";

    public static readonly IReadOnlyList<string> All = [ChildIndex, Education, EarlyYears, SocialCare, VoluntarySector];
}
