using System.Security.Claims;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// Sign-in: in Development, as one of the demo people (a development token made here, as <c>childinfo token</c>
/// would); elsewhere through the organisation's identity provider (OpenID Connect), when one is configured.
/// </summary>
public static class SignInPages
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (Func<HttpContext, Task<IResult>>)HomeAsync);
        endpoints.MapGet("/sign-in", (Func<HttpContext, Task<IResult>>)SignInFormAsync);
        endpoints.MapPost("/sign-in", (Func<HttpContext, Task<IResult>>)SignInAsPersonaAsync);
        endpoints.MapGet("/sign-in/organisation", (Func<HttpContext, Task<IResult>>)SignInWithProvider);
        endpoints.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)SignOutAsync);
    }

    /// <summary>The development signing key when people may sign in as demo personas here, else null.</summary>
    public static byte[]? DevelopmentKey(HttpContext http)
    {
        var environment = http.RequestServices.GetRequiredService<IWebHostEnvironment>();
        var security = http.RequestServices.GetService<GatewaySecurityOptions>();
        return environment.IsDevelopment() && security?.Identity is { Issuer: DevelopmentIdentity.Issuer, SigningKeys: [var key, ..] }
            ? Convert.FromBase64String(key)
            : null;
    }

    private static async Task<IResult> HomeAsync(HttpContext http)
    {
        var session = await WebSession.GetAsync(http).ConfigureAwait(false);
        return Results.Redirect(session is null ? "/sign-in" : session.IsDataProtectionOfficer ? "/review" : session.Purpose is null ? "/purpose" : "/children");
    }

    private static async Task<IResult> SignInFormAsync(HttpContext http)
    {
        if (await WebSession.GetAsync(http).ConfigureAwait(false) is not null)
        {
            return Results.Redirect("/");
        }

        var ide = http.Request.Query["next"] == "/graphql"
            ? Html.Raw("""<p class="notice">Sign in first: the GraphQL explorer sends your requests with your sign-in and declared purpose.</p>""")
            : Html.Empty;
        var body = new List<Html> { Html.Raw("<h1>Sign in</h1>"), ide };
        if (DevelopmentKey(http) is not null)
        {
            body.Add(Html.Raw("""
                <p class="lead">This is the demonstration service, with made-up children. Choose who you are.</p>
                <p>Each person below sees what their role and declared purpose allow, and only children they have a
                legitimate relationship with: their caseload, their school's roll or their setting.</p>
                """));
            body.Add(Html.Of($"""<ul class="persona-list">{Personas.All.Select(p => PersonaCard(http, p))}</ul>"""));
        }
        else if (await OrganisationSignIn.IsConfiguredAsync(http).ConfigureAwait(false))
        {
            body.Add(Html.Raw("""
                <p class="lead">Sign in with your organisation account.</p>
                <a class="button" href="/sign-in/organisation">Sign in with your organisation account</a>
                """));
        }
        else
        {
            body.Add(Html.Raw("""
                <p class="lead">Sign-in is not set up on this gateway.</p>
                <p>The demonstration people are offered only in the Development environment. Elsewhere, an administrator
                configures the organisation's identity provider (see the README: Web__OpenIdConnect__Authority and its
                companions).</p>
                """));
        }

        return Layout.Page(http, "Sign in", Html.Join(body), null);
    }

    private static Html PersonaCard(HttpContext http, Persona persona) => Html.Of($"""
        <li>
        <h2>{persona.Name}</h2>
        <p class="meta">{persona.Title}</p>
        <p class="small">{persona.Summary}</p>
        <form method="post" action="/sign-in">
        {Layout.Antiforgery(http)}
        <input type="hidden" name="persona" value="{persona.Id}">
        <button type="submit" class="button">Sign in as {persona.Name}</button>
        </form>
        </li>
        """);

    private static async Task<IResult> SignInAsPersonaAsync(HttpContext http)
    {
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return BadForm(http);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (DevelopmentKey(http) is not { } key || Personas.Find(form["persona"]) is not { } persona)
        {
            return Layout.Page(http, "Sign in", Html.Raw("""<h1>Sign in</h1><p>That person cannot sign in here. <a href="/sign-in">Choose again</a>.</p>"""), null, StatusCodes.Status400BadRequest);
        }

        var now = DateTimeOffset.UtcNow;
        var token = DevelopmentIdentity.CreateToken(key, persona.Token, now);
        var claims = new List<Claim>
        {
            new(ChildInfoClaims.User, persona.Token.User),
            new(ChildInfoClaims.Role, persona.Token.Role),
            new("name", persona.Name),
        };
        if (persona.Token.Organisation is { } organisation)
        {
            claims.Add(new Claim(ChildInfoClaims.Organisation, organisation));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, WebSession.Scheme, "name", ChildInfoClaims.Role));
        await WebSession.SignInAsync(http, principal, token, now + persona.Token.Lifetime).ConfigureAwait(false);
        return Results.Redirect(persona.Token.Role == Audit.DataProtectionOfficerOnly.Role ? "/review" : "/purpose");
    }

    private static async Task<IResult> SignInWithProvider(HttpContext http)
    {
        if (!await OrganisationSignIn.IsConfiguredAsync(http).ConfigureAwait(false))
        {
            return Results.Redirect("/sign-in");
        }

        return Results.Challenge(new AuthenticationProperties { RedirectUri = "/purpose" }, [OrganisationSignIn.Scheme]);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await WebSession.GetAsync(http).ConfigureAwait(false);
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return BadForm(http);
        }

        await WebSession.SignOutAsync(http).ConfigureAwait(false);
        return Layout.Page(http, "Signed out", Html.Raw("""<h1>You have signed out</h1><p><a href="/sign-in">Sign in again</a></p>"""), null);
    }

    /// <summary>A form without a valid antiforgery token (an old page, or another site's form): refused, nothing done.</summary>
    public static IResult BadForm(HttpContext http) => Layout.Page(http, "Form expired",
        Html.Raw("""<h1>This form has expired</h1><p>Nothing was changed. Go back, reload the page and try again.</p>"""), null, StatusCodes.Status400BadRequest);
}
