namespace ChildInfo.Gateway.Audit;

/// <summary>Stable codes of the audit's GraphQL and HTTP errors.</summary>
public static class AuditErrorCodes
{
    /// <summary>The access could not be recorded, so it was not answered (HTTP 503).</summary>
    public const string AuditUnavailable = "AUDIT_UNAVAILABLE";

    /// <summary>The caller may not read the audit (HTTP 403).</summary>
    public const string AuditForbidden = "AUDIT_FORBIDDEN";
}
