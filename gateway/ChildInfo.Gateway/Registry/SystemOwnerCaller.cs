using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Who may change the registry: a valid bearer token carrying the role <see cref="Role"/>. A host without identity
/// refuses everyone: the registry stays closed rather than open.
/// </summary>
public static class SystemOwnerCaller
{
    public const string Role = "system_owner";

    /// <summary>The caller when allowed; otherwise the HTTP status and message to answer with.</summary>
    public static async Task<(CallerIdentity? Caller, int Status, string? Problem)> AuthenticateAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false) is null)
        {
            return (null, StatusCodes.Status403Forbidden, "This gateway runs without identity, so nobody may change its registry.");
        }

        var authenticated = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (authenticated is not { Succeeded: true, Principal: { } principal })
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, StatusCodes.Status401Unauthorized, "A valid bearer token is required to read or change the subgraph registry.");
        }

        var caller = CallerIdentity.FromPrincipal(principal);
        return caller.Roles.Contains(Role) && caller.User.Length > 0
            ? (caller, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status403Forbidden, $"Only the role '{Role}' may read or change the subgraph registry; the token holds: {(caller.Roles.IsEmpty ? "no role" : string.Join(", ", caller.Roles))}.");
    }
}
