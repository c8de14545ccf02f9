namespace ChildInfo.Gateway.Authorisation;

/// <summary>Error codes of identity checks (policy decisions use <c>ChildInfo.Policies.Decisions.DecisionCodes</c>).</summary>
public static class AuthorisationCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string NoRole = "ROLE_REQUIRED";
    public const string RoleNotHeld = "ROLE_NOT_HELD";
    public const string StrictWithheld = "STRICT_FIELDS_WITHHELD";

    /// <summary>An aggregate-only purpose asked for <c>__schema</c> or <c>__type</c>.</summary>
    public const string IntrospectionNotAllowed = "INTROSPECTION_NOT_ALLOWED";

    /// <summary>The gateway holds no policy set (a revision built without one), so it serves nothing.</summary>
    public const string NoPolicies = "POLICIES_UNAVAILABLE";
}
