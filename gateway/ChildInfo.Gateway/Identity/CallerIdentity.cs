using System.Collections.Immutable;
using System.Security.Claims;

namespace ChildInfo.Gateway.Identity;

/// <summary>Who is asking, from a validated bearer token: the user, their organisation, roles and relationships.</summary>
public sealed record CallerIdentity(
    string User,
    string? Organisation,
    ImmutableArray<string> Roles,
    string? Team,
    string? School,
    string? Setting)
{
    public static CallerIdentity FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        string? One(string type) => principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        var roles = principal.FindAll(ChildInfoClaims.Role).Concat(principal.FindAll(ClaimTypes.Role))
            .Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new CallerIdentity(
            One(ChildInfoClaims.User) ?? One(ClaimTypes.NameIdentifier) ?? "",
            One(ChildInfoClaims.Organisation),
            roles,
            One(ChildInfoClaims.Team),
            One(ChildInfoClaims.School),
            One(ChildInfoClaims.Setting));
    }
}
