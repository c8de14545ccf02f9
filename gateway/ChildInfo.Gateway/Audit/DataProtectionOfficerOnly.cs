using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Lets a caller read the audit only when their bearer token is valid and carries the role <see cref="Role"/>. A host
/// without identity (no bearer scheme registered) refuses everyone: the audit API stays closed rather than open.
/// </summary>
public sealed class DataProtectionOfficerOnly : IAuditAccessCheck
{
    public const string Role = ChildInfoRoles.DataProtectionOfficer;

    public async ValueTask<bool> MayReadAuditAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var authentication = await CallerAuthentication.OfAsync(http).ConfigureAwait(false);
        return authentication.Caller is { } caller && caller.Roles.Contains(Role);
    }
}
