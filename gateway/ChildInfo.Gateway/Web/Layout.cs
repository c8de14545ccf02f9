using Microsoft.AspNetCore.Antiforgery;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The frame of every practitioner page: skip link, header with the service name and navigation, the declared
/// purpose (and emergency access, unmissable) and the main content. Pages run no script; responses are not cached
/// and may load only this gateway's own assets.
/// </summary>
public static class Layout
{
    private const string PageSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Page(HttpContext http, string title, Html main, WebSession? session, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        var now = DateTimeOffset.UtcNow;
        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – ChildInfo</title>
            <link rel="stylesheet" href="{Assets.Url("site.css")}">
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="header">
            <div class="width">
            <a class="header-name" href="/">ChildInfo</a>
            <span class="header-tagline">Joined-up information about children, used with care</span>
            {Navigation(http, session)}
            </div>
            </header>
            {DeclaredPurpose(session, now)}
            <div class="width">
            <main id="main" tabindex="-1">
            {main}
            </main>
            </div>
            <footer class="footer"><div class="width">
            <p>Every request is recorded. What you see depends on your role and the purpose you declared; what is withheld is said, with the reason.</p>
            </div></footer>
            </body>
            </html>
            """);
        Secure(http.Response, PageSecurityPolicy);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Headers of every HTML response: no caching of children's information, no framing, no sniffing.</summary>
    public static void Secure(HttpResponse response, string contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
    }

    /// <summary>The hidden antiforgery field every POST form carries.</summary>
    public static Html Antiforgery(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    private static Html Navigation(HttpContext http, WebSession? session)
    {
        if (session is null)
        {
            return Html.Empty;
        }

        var links = new List<Html>();
        if (session.IsDataProtectionOfficer)
        {
            links.Add(Link(http, "/review", "Review queue"));
            links.Add(Link(http, "/access-report", "Who has looked at a child's information"));
        }
        else
        {
            links.Add(Link(http, "/children", "Find a child"));
        }

        links.Add(Link(http, "/purpose", "Purpose"));
        links.Add(Link(http, "/graphql", "GraphQL explorer"));
        return Html.Of($"""
            <nav class="header-nav" aria-label="Main">
            <ul>{links}</ul>
            <p class="header-user">Signed in as <strong>{session.DisplayName}</strong>{(session.Organisation is { } org ? ", " + org : "")}</p>
            <form method="post" action="/sign-out" class="inline-form">{Antiforgery(http)}<button type="submit" class="link-button">Sign out</button></form>
            </nav>
            """);
    }

    private static Html Link(HttpContext http, string href, string text)
    {
        var current = http.Request.Path.StartsWithSegments(href, StringComparison.Ordinal);
        return current
            ? Html.Of($"""<li><a href="{href}" aria-current="page">{text}</a></li>""")
            : Html.Of($"""<li><a href="{href}">{text}</a></li>""");
    }

    private static Html DeclaredPurpose(WebSession? session, DateTimeOffset now)
    {
        if (session?.Purpose is not { } purpose)
        {
            return Html.Empty;
        }

        var justification = session.Justification is { Length: > 0 } j ? Html.Of($""" – reason given: “{j}”""") : Html.Empty;
        var emergency = session.BreakGlass(now)
            ? Html.Of($"""
                <div class="emergency-banner" role="region" aria-label="Emergency access">
                <div class="width"><strong>Emergency access (break-glass) is on</strong> until {session.BreakGlassUntil!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC. Every request is flagged for the data protection officer's review. <a href="/purpose">Turn it off</a></div>
                </div>
                """)
            : Html.Empty;
        return Html.Of($"""
            <div class="purpose-bar" role="region" aria-label="Your declared purpose">
            <div class="width">You are working on: <strong>{PlainWords.PurposeName(purpose)}</strong>{justification} <a href="/purpose">Change purpose</a></div>
            </div>
            {emergency}
            """);
    }
}
