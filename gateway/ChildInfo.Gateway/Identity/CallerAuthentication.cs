using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ChildInfo.Gateway.Identity;

/// <summary>What authentication made of a request's bearer token: the validated principal, or why there is none.</summary>
/// <param name="Principal">The token's principal; null when no valid token came.</param>
/// <param name="Failure">Why the token was refused; null when none was sent (or it was valid).</param>
/// <param name="HostHasIdentity">False on a host without bearer authentication (open mode), where nobody is identified.</param>
public sealed record CallerAuthentication(ClaimsPrincipal? Principal, Exception? Failure, bool HostHasIdentity = true)
{
    /// <summary>A host without bearer authentication.</summary>
    public static CallerAuthentication NoIdentity { get; } = new(null, null, HostHasIdentity: false);

    /// <summary>The identified caller; null when no valid token came.</summary>
    public CallerIdentity? Caller => Principal is { } principal ? CallerIdentity.FromPrincipal(principal) : null;

    /// <summary>
    /// The bearer token's outcome for <paramref name="http"/>. ASP.NET Core's authentication middleware has validated
    /// it already; the handler keeps its result for the request, so this reads that result and validates nothing twice.
    /// </summary>
    public static async Task<CallerAuthentication> OfAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetService<IAuthenticationSchemeProvider>() is not { } schemes
            || await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false) is null)
        {
            return NoIdentity;
        }

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        return result is { Succeeded: true, Principal: { } principal } ? new CallerAuthentication(principal, null) : new CallerAuthentication(null, result.Failure);
    }
}
