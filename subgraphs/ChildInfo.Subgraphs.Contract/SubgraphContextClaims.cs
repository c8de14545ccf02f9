namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// The claim names of a signed context. The registered JWT claims keep their names (<c>sub</c>, <c>aud</c>,
/// <c>iss</c>, <c>iat</c>, <c>exp</c>); the relationship holders use the same names as the bearer token's.
/// </summary>
public static class SubgraphContextClaims
{
    /// <summary>The caller's user id.</summary>
    public const string User = "sub";

    /// <summary>The role the request acts in.</summary>
    public const string Role = "role";

    /// <summary>The declared purpose.</summary>
    public const string Purpose = "purpose";

    /// <summary>The caller's justification (free text, validated at the gateway's edge).</summary>
    public const string Justification = "justification";

    /// <summary>The gateway's request id.</summary>
    public const string RequestId = "rid";

    /// <summary>The record scope of the bound rule.</summary>
    public const string Scope = "scope";

    /// <summary>The bound rule's id.</summary>
    public const string Rule = "rule";

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

    /// <summary>The SHA-256 of the call's request body, base64url (see <see cref="SubgraphContextToken.BodyHash"/>).</summary>
    public const string BodyHash = "body_sha256";
}
