namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>The relationship-holder claims of a signed context: the same names as the bearer token's.</summary>
public static class SubgraphContextClaims
{
    /// <summary>The caller's organisation (holds a voluntary organisation's caseload).</summary>
    public const string Organisation = "org";

    /// <summary>The team whose caseload the caller acts for.</summary>
    public const string Team = "team";

    /// <summary>The URN of the caller's school.</summary>
    public const string School = "school_urn";

    /// <summary>The URN of the caller's early years setting.</summary>
    public const string Setting = "setting_urn";

    /// <summary>The labels whose fields may be returned (a JSON array of strings).</summary>
    public const string Labels = "labels";

    /// <summary>The link fields that may be followed (a JSON array of strings).</summary>
    public const string Links = "links";
}
