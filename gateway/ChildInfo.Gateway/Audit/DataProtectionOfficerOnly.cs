using System.Security.Claims;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Lets only an authenticated caller whose role claim is <see cref="Role"/> read the audit; everyone else is refused.
/// Until the gateway authenticates callers (the identity work), no request carries an authenticated principal, so this
/// denies every caller by default: the audit API stays closed rather than open.
/// </summary>
public sealed class DataProtectionOfficerOnly : IAuditAccessCheck
{
    public const string Role = "data_protection_officer";

    public bool MayReadAudit(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return user.HasClaim(ClaimTypes.Role, Role) || user.HasClaim("role", Role);
    }
}
