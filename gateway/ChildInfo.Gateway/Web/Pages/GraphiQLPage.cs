using System.Text.Json;
using ChildInfo.Gateway.Http;
using Microsoft.Net.Http.Headers;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// GraphiQL at <c>GET /graphql</c> for a browser (a GET whose <c>Accept</c> prefers <c>text/html</c> to both GraphQL
/// response types); every other request to <c>/graphql</c> is GraphQL over HTTP as before. Its headers start with
/// the signed-in person's token, purpose and justification; the README's queries are its saved examples; its
/// scripts are this gateway's own files (<c>Web/wwwroot/graphiql</c>, from npm's <c>graphiql</c> package).
/// Nothing is kept in the browser's storage: tabs and headers live only as long as the page.
/// </summary>
public static class GraphiQLPage
{
    private const string SecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>True for a browser's navigation to the endpoint: GET, and <c>text/html</c> preferred to JSON.</summary>
    public static bool IsBrowserRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) || request.Path != "/graphql"
            || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double html = 0, graphQL = 0;
        foreach (var type in accepted)
        {
            var quality = type.Quality ?? 1.0;
            var name = type.MediaType.Value ?? "";
            if (name.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (name.Equals(AcceptNegotiation.Json, StringComparison.OrdinalIgnoreCase) || name.Equals(AcceptNegotiation.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQL = Math.Max(graphQL, quality);
            }
        }

        return html > 0 && html > graphQL;
    }

    public static async Task ServeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await WebSession.GetAsync(http).ConfigureAwait(false) is not { } session)
        {
            http.Response.Redirect("/sign-in?next=/graphql");
            return;
        }

        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + session.Token };
        if (session.Purpose is { } purpose)
        {
            headers[RequestHeaders.Purpose] = purpose;
        }

        if (session.Justification is { } justification)
        {
            headers[RequestHeaders.Justification] = justification;
        }

        if (session.Roles.Count > 1 && session.Role is { } role)
        {
            headers[RequestHeaders.Role] = role;
        }

        if (session.BreakGlass(DateTimeOffset.UtcNow))
        {
            headers[RequestHeaders.BreakGlass] = "true";
        }

        var headerText = JsonSerializer.Serialize(headers, Indented);
        // The default encoder escapes <, > and &, so the JSON cannot close the script element it sits in.
        var config = JsonSerializer.Serialize(new
        {
            url = "/graphql",
            headers = headerText,
            examples = Examples.Select(e => new { e.Query, e.Variables, headers = headerText }),
        }, Json);
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>GraphQL explorer – ChildInfo</title>
            <link rel="stylesheet" href="{Assets.Url("graphiql/graphiql.min.css")}">
            <link rel="stylesheet" href="{Assets.Url("graphiql/graphiql-page.css")}">
            </head>
            <body>
            <header class="ide-header"><a href="/">ChildInfo</a> <span>GraphQL explorer · working on: {PlainWords.PurposeName(session.Purpose)} · requests are recorded like any other</span></header>
            <main id="graphiql" aria-label="GraphQL explorer">Loading the GraphQL explorer…</main>
            <script type="application/json" id="graphiql-config">{Html.Raw(config)}</script>
            <script src="{Assets.Url("graphiql/react.production.min.js")}"></script>
            <script src="{Assets.Url("graphiql/react-dom.production.min.js")}"></script>
            <script src="{Assets.Url("graphiql/graphiql.min.js")}"></script>
            <script src="{Assets.Url("graphiql/graphiql-start.js")}"></script>
            </body>
            </html>
            """);
        Layout.Secure(http.Response, SecurityPolicy);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(page.Value, http.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Example(string Query, string Variables);

    /// <summary>The README's queries.</summary>
    private static readonly Example[] Examples =
    [
        new("""
            # The joined-up child: one child across education, social care and the voluntary sector.
            # What your role and purpose may not see comes back null, with the reason in errors and extensions.withheld.
            query JoinedUpChild($id: ID!) {
              child(id: $id) {
                id forename surname
                pupil { upn attendance { academicYear term sessionsPossible persistentAbsence } exclusions { category startDate } }
                socialCareChild { childProtectionPlanActive lookedAfterActive childProtectionPlans { latestCategoryOfAbuse } }
                vcsParticipant { participantId keyworkerNotes { noteDate text } }
              }
            }
            """, """{ "id": "CH-DMAVZGB4" }"""),
        new("""
            # Find a child: only candidates in your record scope come back; an OUTSIDE_SCOPE error says how many were left out.
            query FindChild($surname: String, $forename: String) {
              searchChildren(surname: $surname, forename: $forename) {
                score matchedOn
                child { id forename surname dateOfBirth postcode }
              }
            }
            """, """{ "surname": "Stevens", "forename": "Katie" }"""),
        new("""
            # The child's own words and wishes, from every agency that holds them.
            query ChildsVoice($id: ID!) {
              child(id: $id) {
                forename
                pupil { voice { recordedOn words wishesAndFeelings recordedBy } dataUsePreferences { code dataCategory statement expressedBy } }
                socialCareChild { voice { recordedOn words wishesAndFeelings recordedBy } dataUsePreferences { code dataCategory statement expressedBy } }
                vcsParticipant { voice { recordedOn words wishesAndFeelings recordedBy } dataUsePreferences { code dataCategory statement expressedBy } }
              }
            }
            """, """{ "id": "CH-DMAVZGB4" }"""),
        new("""
            # A wish set aside: the voluntary sector's record of a child whose parent asked that social care not see
            # the groups she goes to. Under child protection (team manager) the wish is overridden and
            # extensions.preferenceOverrides says why; the override goes to the data protection officer's review queue.
            query WishSetAside($id: ID!) {
              child(id: $id) {
                forename
                vcsParticipant { engagements { service startDate endDate } dataUsePreferences { code dataCategory statement } }
              }
            }
            """, """{ "id": "CH-F4P5W0WX" }"""),
        new("""
            # Record a wish on the child's behalf, with the agency that holds the record (children's social care, by its
            # own LA child ID). Only a worker the child is allocated to, or their team, may record; the policies say which
            # roles and purposes may (RECORDING_NOT_ALLOWED otherwise). The wish is honoured from the next request, and the
            # recording is audited like any other request.
            mutation RecordWish($personId: ID!, $wish: DataUseWishInput!) {
              recordDataUseWish(personId: $personId, wish: $wish) { code dataCategory statement recordedOn recordedBy }
            }
            """, """
            {
              "personId": "LA5321653",
              "wish": {
                "code": "NO_RESEARCH_USE", "dataCategory": "ALL", "withheldFromPurposes": ["research"],
                "expressedBy": "CHILD", "statement": "I don't want my social care file used for research."
              }
            }
            """),
    ];
}
