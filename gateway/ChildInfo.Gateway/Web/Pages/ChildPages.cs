using System.Globalization;
using System.Text.Json;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// Finding a child within the caller's scope (<c>searchChildren</c>) and the joined-up child view: the child's own
/// words and wishes first, then each agency's section, with what was withheld and why in plain words. Everything
/// shown is what the gateway's API answered this person, for their declared purpose.
/// </summary>
public static class ChildPages
{
    private const int MaxInput = 100;

    private const string SearchQuery = """
        query FindChild($forename: String, $surname: String, $dateOfBirth: Date, $postcode: String) {
          searchChildren(forename: $forename, surname: $surname, dateOfBirth: $dateOfBirth, postcode: $postcode) {
            score matchedOn child { id forename middleName surname dateOfBirth postcode }
          }
        }
        """;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/children", (Func<HttpContext, Task<IResult>>)SearchAsync);
        endpoints.MapGet("/children/{id}", (HttpContext http, string id) => ViewAsync(http, id));
    }

    private static PolicySet? Policies(HttpContext http) => http.RequestServices.GetRequiredService<GatewayState>().Current.Policies?.Set;

    /// <summary>The signed-in person with a declared purpose, or where to send them first.</summary>
    private static async Task<(WebSession? Session, IResult? Redirect)> DeclaredAsync(HttpContext http)
    {
        var session = await WebSession.GetAsync(http).ConfigureAwait(false);
        return session is null ? (null, Results.Redirect("/sign-in"))
            : session.Purpose is null ? (session, Results.Redirect("/purpose"))
            : (session, null);
    }

    private static async Task<IResult> SearchAsync(HttpContext http)
    {
        var (session, redirect) = await DeclaredAsync(http).ConfigureAwait(false);
        if (redirect is not null)
        {
            return redirect;
        }

        string Field(string name) => http.Request.Query[name].ToString().Trim();
        var forename = Field("forename");
        var surname = Field("surname");
        var dateOfBirth = Field("dateOfBirth");
        var postcode = Field("postcode");
        var searched = http.Request.Query.ContainsKey("surname") || http.Request.Query.ContainsKey("dateOfBirth");
        var errors = new List<(string Field, string Message)>();
        if (new[] { forename, surname, dateOfBirth, postcode }.Any(v => v.Length > MaxInput || v.Any(char.IsControl)))
        {
            errors.Add(("surname", $"Each box takes up to {MaxInput} letters and numbers"));
        }
        else if (searched && surname.Length == 0 && dateOfBirth.Length == 0)
        {
            errors.Add(("surname", "Enter a surname or a date of birth"));
        }
        else if (dateOfBirth.Length > 0 && !DateOnly.TryParseExact(dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(("dateOfBirth", "Enter the date of birth as a real date, for example 16 June 2015"));
        }

        var results = Html.Empty;
        if (searched && errors.Count == 0)
        {
            var api = http.RequestServices.GetRequiredService<GatewayApi>();
            var answer = await api.QueryAsync(session!, SearchQuery, new
            {
                forename = Blank(forename),
                surname = Blank(surname),
                dateOfBirth = Blank(dateOfBirth),
                postcode = Blank(postcode),
            }, DateTimeOffset.UtcNow, http.RequestAborted).ConfigureAwait(false);
            if (answer.Status == StatusCodes.Status401Unauthorized)
            {
                return await SignedOutAsync(http).ConfigureAwait(false);
            }

            results = SearchResults(Policies(http), session!, answer, surnameOnly: surname.Length > 0 && forename.Length == 0 && dateOfBirth.Length == 0 && postcode.Length == 0);
        }

        string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field).Message;
        Html Input(string id, string label, string value, string type, string? hint, string cssClass = "") => Html.Of($"""
            <div class="form-group">
            <label for="{id}">{label}</label>
            {(hint is null ? Html.Empty : Html.Of($"""<span class="hint" id="{id}-hint">{hint}</span>"""))}
            {(ErrorFor(id) is { } e ? Html.Of($"""<span class="error-message" id="{id}-error">Error: {e}</span>""") : Html.Empty)}
            <input type="{type}" id="{id}" name="{id}" value="{value}" class="{cssClass}" autocomplete="off" spellcheck="false"{(hint is null ? Html.Empty : Html.Of($" aria-describedby=\"{id}-hint\""))}>
            </div>
            """);
        var summary = errors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>{errors.Select(e => Html.Of($"""<li><a href="#{e.Field}">{e.Message}</a></li>"""))}</ul>
            </div>
            """);
        var body = Html.Of($"""
            {summary}
            <h1>Find a child</h1>
            <p>Only children you have a legitimate relationship with are found: your caseload, your school's roll or
            your setting. Searching is recorded like any other look at a child's information.</p>
            <form method="get" action="/children" novalidate>
            <div class="search-fields">
            {Input("surname", "Surname", surname, "text", null)}
            {Input("forename", "First name", forename, "text", "Optional")}
            {Input("dateOfBirth", "Date of birth", dateOfBirth, "date", "Optional if you give a surname", "input-short")}
            {Input("postcode", "Postcode", postcode, "text", "Optional", "input-short")}
            </div>
            <button type="submit" class="button">Search</button>
            </form>
            {results}
            """);
        return Layout.Page(http, errors.Count > 0 ? "Error: Find a child" : "Find a child", body, session, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static Html SearchResults(PolicySet? set, WebSession session, ApiAnswer answer, bool surnameOnly)
    {
        var candidates = answer.Data is { } data ? Format.List(data, "searchChildren") : [];
        var notes = new List<Html>();
        // The same words whether or not anything outside the scope matched: the gateway never says, since even a
        // yes or no confirms that an out-of-scope child exists.
        if (session.Role is { } role && session.Purpose is { } purpose && set?.FindRule(role, purpose) is { Scope: not ChildInfo.Policies.Model.RecordScope.Everyone } rule && !session.BreakGlass(DateTimeOffset.UtcNow))
        {
            notes.Add(Html.Of($"""<p class="inset">Only children {PlainWords.Scope(ScopeName(rule.Scope))} are shown. If a child may be at immediate risk and your role allows it, you can turn on emergency access on the purpose page.</p>"""));
        }

        foreach (var error in answer.Errors)
        {
            if (error.Path.Count == 0 || error.Code is "AGGREGATE_ONLY" or "LABEL_DENIED" or "LABEL_NOT_VISIBLE")
            {
                notes.Add(Html.Of($"""<div class="warning-text">{PlainWords.WhyRefused(set, error.Code, session.Role, session.Purpose)}</div>"""));
            }
        }

        if (answer.Status >= 400 && notes.Count == 0)
        {
            notes.Add(Html.Of($"""<div class="warning-text">{PlainWords.WhyRefused(set, answer.FirstErrorCode, session.Role, session.Purpose)}</div>"""));
        }

        if (candidates.Count == 0)
        {
            var why = surnameOnly
                ? "A surname on its own is shared by too many children to pick one out safely, so the search shows only children who match more closely. Add a first name, a date of birth or a postcode."
                : "No child in your scope matches closely enough. Check the spelling, or add a date of birth or postcode.";
            return Html.Of($"""
                <h2 id="results">No children found</h2>
                {notes}
                <p>{why}</p>
                """);
        }

        var items = candidates.Select(c =>
        {
            var child = Format.Object(c, "child") ?? default;
            var id = Format.Text(child, "id") ?? "";
            var score = double.TryParse(Format.Text(c, "score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var strength = score >= 0.9 ? "Strong match" : score >= 0.5 ? "Likely match" : "Possible match";
            var matched = string.Join(", ", Format.List(c, "matchedOn").Select(m => PlainWords.Humanise(m.GetString() ?? "")));
            return Html.Of($"""
                <li>
                <h2><a href="/children/{Uri.EscapeDataString(id)}">{Name(child)}</a></h2>
                <p class="meta">Born {Format.Date(Format.Text(child, "dateOfBirth"))} · {Format.Text(child, "postcode")} · <span class="tag{(score >= 0.9 ? " tag-green" : score >= 0.5 ? "" : " tag-yellow")}">{strength}</span> on {matched}</p>
                </li>
                """);
        });
        return Html.Of($"""
            <h2 id="results">{(candidates.Count == 1 ? "1 child found" : $"{candidates.Count} children found")}</h2>
            {notes}
            <p>Check that this is the right child before acting on anything you see.</p>
            <ul class="results">{items}</ul>
            """);
    }

    private static string ScopeName(ChildInfo.Policies.Model.RecordScope scope) => scope switch
    {
        ChildInfo.Policies.Model.RecordScope.OwnCaseload => "own_caseload",
        ChildInfo.Policies.Model.RecordScope.OwnSchoolRoll => "own_school_roll",
        ChildInfo.Policies.Model.RecordScope.OwnSetting => "own_setting",
        _ => "everyone",
    };

    private static string Name(JsonElement child) =>
        string.Join(' ', new[] { Format.Text(child, "forename"), Format.Text(child, "middleName"), Format.Text(child, "surname") }.Where(n => n is { Length: > 0 }));

    private static async Task<IResult> SignedOutAsync(HttpContext http)
    {
        await WebSession.SignOutAsync(http).ConfigureAwait(false);
        return Results.Redirect("/sign-in");
    }

    private static async Task<IResult> ViewAsync(HttpContext http, string id)
    {
        var (session, redirect) = await DeclaredAsync(http).ConfigureAwait(false);
        if (redirect is not null)
        {
            return redirect;
        }

        if (id.Length > MaxInput || id.Any(char.IsControl))
        {
            return Layout.Page(http, "Not a child reference", Html.Raw("""<h1>That is not a child reference</h1><p><a href="/children">Find a child</a></p>"""), session, StatusCodes.Status400BadRequest);
        }

        var now = DateTimeOffset.UtcNow;
        var answer = await http.RequestServices.GetRequiredService<GatewayApi>()
            .QueryAsync(session!, ChildViewQuery.Text, new { id }, now, http.RequestAborted).ConfigureAwait(false);
        if (answer.Status == StatusCodes.Status401Unauthorized)
        {
            return await SignedOutAsync(http).ConfigureAwait(false);
        }

        var set = Policies(http);
        var child = answer.Data is { } data ? Format.Object(data, "child") : null;
        if (child is null)
        {
            return NotShown(http, session!, set, answer, now);
        }

        var recorded = RecordingPages.Confirmation(set, session!, http.Request.Query["recorded"].ToString(), Format.Text(child.Value, "forename") ?? "the child");
        return Layout.Page(http, Name(child.Value), Html.Join([recorded, ChildView.Render(set, session!, child.Value, answer, now)]), session);
    }

    private static IResult NotShown(HttpContext http, WebSession session, PolicySet? set, ApiAnswer answer, DateTimeOffset now)
    {
        var error = answer.Errors.FirstOrDefault(e => e.Path is ["child"]) ?? (answer.Errors.Count > 0 ? answer.Errors[0] : null);
        if (error is null)
        {
            return Layout.Page(http, "No such child", Html.Raw("""
                <h1>No child with that reference</h1>
                <p>Check the reference, or <a href="/children">find the child by name</a>.</p>
                """), session, StatusCodes.Status404NotFound);
        }

        var reason = error.Path.Count > 0
            ? PlainWords.WhyWithheld(set, error.Code, error.Label, error.Scope, error.ServiceName, session.Purpose)
            : PlainWords.WhyRefused(set, error.Code, session.Role, session.Purpose);
        var mayBreakGlass = error.Code == "OUTSIDE_SCOPE" && !session.BreakGlass(now) && session.Role is { } role && session.Purpose is { } purpose
            && PurposePages.Choices(http, session).Any(c => c.Role == role && c.Purpose == purpose && c.BreakGlass);
        var emergency = mayBreakGlass ? Html.Raw("""
            <div class="panel-emergency">
            <h2>If a child may be at immediate risk</h2>
            <p>Your role may use emergency access (break-glass) for this purpose. You must give a reason, it lasts 60 minutes,
            and every request you make with it is flagged for the data protection officer's review.</p>
            <a class="button button-warning" href="/purpose">Turn on emergency access</a>
            </div>
            """) : Html.Empty;
        return Layout.Page(http, "Not shown", Html.Of($"""
            <h1>This child's information is not shown to you</h1>
            <p class="lead">{reason}</p>
            {(error.Code == "OUTSIDE_SCOPE" || error.Path.Count == 0 ? Html.Raw("<p>Nothing about the child was asked of any agency. This request is recorded.</p>") : Html.Raw("<p>This request is recorded.</p>"))}
            {emergency}
            <p><a href="/children">Find another child</a></p>
            """), session, answer.Status >= 400 ? answer.Status : StatusCodes.Status200OK);
    }
}
