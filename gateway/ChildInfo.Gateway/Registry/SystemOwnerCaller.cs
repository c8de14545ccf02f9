using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Who may change the registry: a valid bearer token carrying the role <see cref="Role"/>. A host without identity
/// refuses everyone: the registry stays closed rather than open.
/// </summary>
public static class SystemOwnerCaller
{
    public const string Role = ChildInfoRoles.SystemOwner;

    /// <summary>The caller when allowed; otherwise the HTTP status and message to answer with.</summary>
    public static async Task<(CallerIdentity? Caller, int Status, string? Problem)> AuthenticateAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var authentication = await CallerAuthentication.OfAsync(http).ConfigureAwait(false);
        if (!authentication.HostHasIdentity)
        {
            return (null, StatusCodes.Status403Forbidden, "This gateway runs without identity, so nobody may change its registry.");
        }

        if (authentication.Caller is not { } caller)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, StatusCodes.Status401Unauthorized, "A valid bearer token is required to read or change the subgraph registry.");
        }

        return caller.Roles.Contains(Role) && caller.User.Length > 0
            ? (caller, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status403Forbidden, $"Only the role '{Role}' may read or change the subgraph registry; the token holds: {(caller.Roles.IsEmpty ? "no role" : string.Join(", ", caller.Roles))}.");
    }
}
