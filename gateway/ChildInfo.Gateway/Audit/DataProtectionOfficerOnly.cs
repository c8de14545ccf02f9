using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Lets a caller read the audit only when their bearer token is valid and carries the role <see cref="Role"/>. A host
/// without identity (no bearer scheme registered) refuses everyone: the audit API stays closed rather than open.
/// </summary>
public sealed class DataProtectionOfficerOnly : IAuditAccessCheck
{
    public const string Role = "data_protection_officer";

    public async ValueTask<bool> MayReadAuditAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false) is null)
        {
            return false;
        }

        var authenticated = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        return authenticated is { Succeeded: true, Principal: { } principal } && CallerIdentity.FromPrincipal(principal).Roles.Contains(Role);
    }
}
