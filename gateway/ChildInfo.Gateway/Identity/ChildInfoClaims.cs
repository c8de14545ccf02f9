namespace ChildInfo.Gateway.Identity;

/// <summary>The claims the gateway reads from a bearer token (OIDC standard names where there is one).</summary>
public static class ChildInfoClaims
{
    /// <summary>The user (OIDC <c>sub</c>).</summary>
    public const string User = "sub";

    /// <summary>The user's organisation (a local authority, school, trust or charity).</summary>
    public const string Organisation = "org";

    /// <summary>The user's roles, one claim each (sample role ids such as <c>social_worker</c>).</summary>
    public const string Role = "roles";

    /// <summary>The social care team the user belongs to.</summary>
    public const string Team = "team";

    /// <summary>The URN of the school the user works at.</summary>
    public const string School = "school_urn";

    /// <summary>The URN of the early years setting the user works at.</summary>
    public const string Setting = "setting_urn";
}
