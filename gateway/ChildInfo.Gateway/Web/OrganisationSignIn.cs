using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// Sign-in through the organisation's identity provider (OpenID Connect, authorisation code with PKCE), configured in
/// the section <c>Web:OpenIdConnect</c> (<c>Web__OpenIdConnect__Authority</c>, <c>__ClientId</c>,
/// <c>__ClientSecret</c>, <c>__ApiScope</c>). The access token it returns for the gateway's API scope is what the
/// pages send to the API, so the provider must issue it with the issuer and audience the gateway validates
/// (<c>Identity__Issuer</c>, <c>Identity__Audience</c>) and the roles claim.
/// </summary>
public static class OrganisationSignIn
{
    public const string Scheme = "ChildInfo.OpenIdConnect";
    public const string Section = "Web:OpenIdConnect";

    public static void Add(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["Authority"] is not { Length: > 0 } authority || section["ClientId"] is not { Length: > 0 } clientId)
        {
            return;
        }

        authentication.AddOpenIdConnect(Scheme, options =>
        {
            options.SignInScheme = WebSession.Scheme;
            options.Authority = authority;
            options.ClientId = clientId;
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SaveTokens = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.CallbackPath = section["CallbackPath"] is { Length: > 0 } callback ? callback : "/signin-oidc";
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            if (section["ApiScope"] is { Length: > 0 } apiScope)
            {
                options.Scope.Add(apiScope);
            }

            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = ChildInfoClaims.Role;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
        });
    }

    public static async Task<bool> IsConfiguredAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var schemes = http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        return await schemes.GetSchemeAsync(Scheme).ConfigureAwait(false) is not null;
    }
}
