using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Web.Pages;
using Microsoft.AspNetCore.DataProtection;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The practitioner web app the gateway serves beside its API: server-rendered pages (sign in, declare a purpose,
/// find a child, the joined-up child view, recording the child's words and wishes, who has looked, the review queue) and GraphiQL for browsers at
/// <c>GET /graphql</c>. The pages call the gateway's own API over loopback with the person's token, so they show
/// exactly what the API answers. Served only by a gateway with identity and policies.
/// </summary>
public static class PractitionerWeb
{
    /// <param name="builder">The gateway's application builder.</param>
    /// <param name="security">The gateway's identity and policies; without them no pages are served.</param>
    /// <param name="dataProtectionKeysDirectory">Where the session cookies' keys are kept unless configuration says otherwise.</param>
    public static void AddServices(WebApplicationBuilder builder, GatewaySecurityOptions? security, string? dataProtectionKeysDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (security is null)
        {
            return;
        }

        var keys = builder.Configuration["ChildInfo:DataProtection:KeysDirectory"] is { Length: > 0 } configured ? configured : dataProtectionKeysDirectory;
        if (!string.IsNullOrWhiteSpace(keys))
        {
            builder.Services.AddDataProtection().SetApplicationName("childinfo-gateway").PersistKeysToFileSystem(Directory.CreateDirectory(keys));
        }

        var authentication = builder.Services.AddAuthentication().AddCookie(WebSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = WebSession.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/sign-in";
            cookie.SlidingExpiration = false;
        });
        OrganisationSignIn.Add(authentication, builder.Configuration);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "childinfo-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__antiforgery";
        });
        builder.Services.AddSingleton<GatewayApi>();
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<GatewayApi>() is null)
        {
            return;
        }

        app.Use(async (http, next) =>
        {
            if (GraphiQLPage.IsBrowserRequest(http.Request))
            {
                await GraphiQLPage.ServeAsync(http).ConfigureAwait(false);
                return;
            }

            await next(http).ConfigureAwait(false);
        });
        Assets.Map(app);
        SignInPages.Map(app);
        PurposePages.Map(app);
        ChildPages.Map(app);
        RecordingPages.Map(app);
        AuditPages.Map(app);
    }
}
