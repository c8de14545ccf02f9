using System.Globalization;
using System.Security.Claims;
using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Authentication;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The signed-in person of the practitioner pages: their bearer token (kept in an encrypted, HttpOnly,
/// SameSite=Strict cookie, never shown to page scripts), who they are, and the purpose they declared for this
/// session (with justification and, where allowed, emergency access until a time).
/// </summary>
public sealed class WebSession
{
    public const string Scheme = "ChildInfo.Web";
    public const string CookieName = "childinfo-session";
    public const string TokenName = "access_token";

    /// <summary>How long emergency (break-glass) access lasts once declared.</summary>
    public static readonly TimeSpan BreakGlassLifetime = TimeSpan.FromMinutes(60);

    private const string PurposeItem = "purpose";
    private const string JustificationItem = "justification";
    private const string RoleItem = "role";
    private const string BreakGlassItem = "breakGlassUntil";

    private readonly AuthenticationProperties _properties;

    private WebSession(ClaimsPrincipal principal, AuthenticationProperties properties, string token)
    {
        Principal = principal;
        _properties = properties;
        Token = token;
    }

    public ClaimsPrincipal Principal { get; }

    public string Token { get; }

    public string User => Principal.FindFirst(ChildInfoClaims.User)?.Value ?? "unknown";

    public string DisplayName => Principal.FindFirst("name")?.Value ?? User;

    public string? Organisation => Principal.FindFirst(ChildInfoClaims.Organisation)?.Value;

    public IReadOnlyList<string> Roles => [.. Principal.FindAll(ChildInfoClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The role this session acts in: the one chosen, or the only one held.</summary>
    public string? Role => _properties.Items.TryGetValue(RoleItem, out var role) && role is not null ? role : Roles.Count == 1 ? Roles[0] : null;

    public string? Purpose => _properties.Items.TryGetValue(PurposeItem, out var purpose) ? purpose : null;

    public string? Justification => _properties.Items.TryGetValue(JustificationItem, out var justification) ? justification : null;

    /// <summary>When emergency access ends, or null when it is off.</summary>
    public DateTimeOffset? BreakGlassUntil =>
        _properties.Items.TryGetValue(BreakGlassItem, out var until) && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public bool BreakGlass(DateTimeOffset now) => BreakGlassUntil is { } until && until > now;

    public bool IsDataProtectionOfficer => Roles.Contains(Audit.DataProtectionOfficerOnly.Role);

    /// <summary>The session of this request, or null when nobody is signed in (or the cookie no longer holds a token).</summary>
    public static async Task<WebSession?> GetAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (result is not { Succeeded: true, Principal: { } principal, Properties: { } properties }
            || properties.GetTokenValue(TokenName) is not { Length: > 0 } token)
        {
            return null;
        }

        // Antiforgery tokens are bound to this user.
        http.User = principal;
        return new WebSession(principal, properties, token);
    }

    /// <summary>Signs in a person whose bearer token the gateway will validate on every call.</summary>
    public static async Task SignInAsync(HttpContext http, ClaimsPrincipal principal, string token, DateTimeOffset expires)
    {
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expires, AllowRefresh = false };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = token }]);
        await http.SignInAsync(Scheme, principal, properties).ConfigureAwait(false);
    }

    /// <summary>Keeps the declared purpose (and role, justification, emergency access) for the rest of the session.</summary>
    public Task DeclareAsync(HttpContext http, string role, string purpose, string? justification, DateTimeOffset? breakGlassUntil)
    {
        _properties.Items[RoleItem] = role;
        _properties.Items[PurposeItem] = purpose;
        _properties.Items[JustificationItem] = justification;
        _properties.Items[BreakGlassItem] = breakGlassUntil?.ToString("O", CultureInfo.InvariantCulture);
        return http.SignInAsync(Scheme, Principal, _properties);
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
