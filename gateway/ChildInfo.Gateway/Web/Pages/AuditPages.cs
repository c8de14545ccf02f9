using System.Globalization;
using System.Text.Json;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// "Who has looked at this child's information" and the data protection officer's review queue, read from the
/// gateway's audit API (<c>/audit/children/{id}/report</c>, <c>/audit/review</c>) as the signed-in person: the API
/// decides who may read them, and records every read.
/// </summary>
public static class AuditPages
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/access-report", (Func<HttpContext, Task<IResult>>)AccessReportAsync);
        endpoints.MapGet("/review", (Func<HttpContext, Task<IResult>>)ReviewAsync);
    }

    private static PolicySet? Policies(HttpContext http) => http.RequestServices.GetRequiredService<GatewayState>().Current.Policies?.Set;

    private static async Task<IResult> AccessReportAsync(HttpContext http)
    {
        if (await WebSession.GetAsync(http).ConfigureAwait(false) is not { } session)
        {
            return Results.Redirect("/sign-in");
        }

        var child = http.Request.Query["child"].ToString().Trim();
        var form = Html.Of($"""
            <h1>Who has looked at a child's information</h1>
            <p>Every request for a child's information is recorded: who, when, for what purpose, what they were shown
            and what was kept back. This is what the child or their family can be told.</p>
            <p>{ChildInfo.Audit.Transparency.ChildAccessReport.CountsNotice}</p>
            <form method="get" action="/access-report" novalidate>
            <div class="form-group">
            <label for="child">Child index reference</label>
            <span class="hint" id="child-hint">For example CH-DMAVZGB4</span>
            <input type="text" id="child" name="child" value="{child}" class="input-short" aria-describedby="child-hint" autocomplete="off" spellcheck="false">
            </div>
            <button type="submit" class="button">Show who has looked</button>
            </form>
            """);
        if (child.Length == 0)
        {
            return Layout.Page(http, "Who has looked at a child's information", form, session);
        }

        if (child.Length > 100 || child.Any(char.IsControl))
        {
            return Layout.Page(http, "Who has looked at a child's information", Html.Of($"""{form}<p class="warning-text">That is not a child reference.</p>"""), session, StatusCodes.Status400BadRequest);
        }

        var answer = await http.RequestServices.GetRequiredService<GatewayApi>()
            .GetAsync(session, $"/audit/children/{Uri.EscapeDataString(child)}/report", http.RequestAborted).ConfigureAwait(false);
        if (answer.Status != StatusCodes.Status200OK || answer.Body is not { } report)
        {
            return Layout.Page(http, "Who has looked at a child's information", Html.Of($"""{form}{Refused(answer)}"""), session, answer.Status is >= 400 and < 600 ? answer.Status : StatusCodes.Status502BadGateway);
        }

        var set = Policies(http);
        var summary = Format.Object(report, "summary") is { } s ? Format.Text(s, "text") : null;
        var accesses = Format.List(report, "accesses");
        var body = Html.Of($"""
            {form}
            <h2>{child}</h2>
            <p class="meta">From {Format.Date(Format.Text(report, "from"))} to {Format.Date(Format.Text(report, "to"))}</p>
            <div class="notice"><p>{summary}</p></div>
            {(accesses.Count == 0 ? Html.Raw("<p>Nobody has asked for this child's information in this period.</p>") : Html.Of($"""
            <table class="table">
            <caption>Every request, oldest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Why</th><th scope="col">What happened</th></tr></thead>
            {accesses.Select(a => Access(set, a))}
            </table>
            """))}
            """);
        return Layout.Page(http, "Who has looked at a child's information", body, session);
    }

    /// <summary>One request of a child's access report, as the page shows it (internal for its tests).</summary>
    internal static Html Access(PolicySet? set, JsonElement access)
    {
        var time = DateTimeOffset.TryParse(Format.Text(access, "time"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? Format.DateTime(t) : "";
        var outcome = Format.Text(access, "outcome");
        var saw = Labels(set, Format.List(access, "disclosed"));
        var kept = Labels(set, Format.List(access, "withheld"));
        var purpose = Format.Text(access, "purpose");
        var justification = Format.Text(access, "justification");
        // A request that recorded on the child's behalf says so, not "shown": what it showed back was what it wrote.
        var recordings = Format.List(access, "recorded");
        var wrote = recordings.Where(r => Format.Flag(r, "written") == true && outcome is "ok" or "partial").ToList();
        var notWritten = recordings.Where(r => !wrote.Contains(r)).ToList();
        var tags = new List<Html>
        {
            recordings.Count > 0 ? (wrote.Count > 0
                ? Html.Raw("""<span class="tag tag-green">Recorded</span>""")
                : Html.Raw("""<span class="tag tag-grey">Not recorded</span>""")) :
            outcome switch
            {
                "ok" => Html.Raw("""<span class="tag tag-green">Shown</span>"""),
                "partial" => Html.Raw("""<span class="tag">Partly shown</span>"""),
                "denied" => Html.Raw("""<span class="tag tag-grey">Refused</span>"""),
                _ => Html.Raw("""<span class="tag tag-grey">Not completed</span>"""),
            },
        };
        if (Format.Flag(access, "breakGlass") == true)
        {
            tags.Add(Html.Raw(""" <span class="tag tag-red">Emergency access</span>"""));
        }

        // What was shown, kept back or recorded runs the table's full width under the request, one service to a line:
        // in the fourth column alone it made a page of one child's year several metres long.
        var details = new List<Html>();
        Add(details, "Recorded", wrote.Count > 0 ? Labels(set, wrote) : []);
        Add(details, "Asked to record, refused", notWritten.Count > 0 ? Labels(set, notWritten) : []);
        Add(details, "Shown", recordings.Count == 0 ? saw : []);
        Add(details, "Kept back", kept);
        Add(details, "Sent to another service to work something out", Sent(set, Format.List(access, "sent")));
        return Html.Of($"""
            <tbody class="access">
            <tr>
            <td>{time}</td>
            <td>{Format.Text(access, "user")}<br><span class="meta">{PlainWords.Capitalise(PlainWords.Role(set, Format.Text(access, "role")))}, {Format.Text(access, "organisation")}</span></td>
            <td>{(purpose is null or "" ? "No purpose given" : PlainWords.Capitalise(PlainWords.Purpose(set, purpose)))}{(justification is { Length: > 0 } ? Html.Of($"<br><span class=\"meta\">Reason given: “{justification}”</span>") : Html.Empty)}</td>
            <td>{tags}</td>
            </tr>
            {(details.Count == 0 ? Html.Empty : Html.Of($"""<tr class="access-detail"><td colspan="4">{details}</td></tr>"""))}
            </tbody>
            """);
    }

    /// <summary>One heading ("Shown") and its services, each a line: "From children's social care: ...".</summary>
    private static void Add(List<Html> details, string heading, List<string> byService)
    {
        if (byService.Count == 0)
        {
            return;
        }

        details.Add(Html.Of($"""<p class="small access-heading"><strong>{heading}</strong></p><ul class="list small">{byService.Select(line => Html.Of($"<li>{PlainWords.Capitalise(line)}.</li>"))}</ul>"""));
    }

    /// <summary>Labels about joining records and directories, not about the child: left out of the lists a person reads.</summary>
    private static readonly HashSet<string> Technical = new(StringComparer.Ordinal) { "linkage", "lookup", "reference" };

    /// <summary>The kinds of information in a list of audited fields, grouped by the service they came from.</summary>
    private static List<string> Labels(PolicySet? set, IReadOnlyList<JsonElement> fields) =>
        [.. fields.Select(f => (Label: Format.Text(f, "label"), Source: Format.Text(f, "source"), Field: Format.Text(f, "field")))
            .Where(f => f.Label is null || !Technical.Contains(f.Label))
            .GroupBy(f => f.Source, StringComparer.Ordinal)
            .Select(g => $"from {PlainWords.Agency(g.Key)}: " + string.Join(", ", g.Select(f => f.Label is null ? PlainWords.Field(f.Field) : PlainWords.Label(set, f.Label)).Distinct(StringComparer.Ordinal)))];

    /// <summary>What was sent between services, one line per pair: "from schools and education services to risk: ...".</summary>
    private static List<string> Sent(PolicySet? set, IReadOnlyList<JsonElement> fields) =>
        [.. fields.Select(f => (Label: Format.Text(f, "label"), Source: Format.Text(f, "source"), To: Format.Text(f, "sentTo"), Field: Format.Text(f, "field")))
            .GroupBy(f => (f.Source, f.To))
            .Select(g => $"from {PlainWords.Agency(g.Key.Source)} to {PlainWords.Agency(g.Key.To)}: " + string.Join(", ", g.Select(f => f.Label is null ? PlainWords.Field(f.Field) : PlainWords.Label(set, f.Label)).Distinct(StringComparer.Ordinal)))];

    private static async Task<IResult> ReviewAsync(HttpContext http)
    {
        if (await WebSession.GetAsync(http).ConfigureAwait(false) is not { } session)
        {
            return Results.Redirect("/sign-in");
        }

        var answer = await http.RequestServices.GetRequiredService<GatewayApi>().GetAsync(session, "/audit/review?limit=200", http.RequestAborted).ConfigureAwait(false);
        var heading = Html.Raw("""
            <h1>Review queue</h1>
            <p>Requests that need a second look: emergency access (break-glass), and wishes of a child or family that
            were set aside. Each one names who, when, why and the reason they gave.</p>
            """);
        if (answer.Status != StatusCodes.Status200OK || answer.Body is not { } body)
        {
            return Layout.Page(http, "Review queue", Html.Of($"{heading}{Refused(answer)}"), session, answer.Status is >= 400 and < 600 ? answer.Status : StatusCodes.Status502BadGateway);
        }

        var set = Policies(http);
        var items = Format.List(body, "items");
        var table = items.Count == 0 ? Html.Raw("<p>Nothing is waiting for review.</p>") : Html.Of($"""
            <table class="table">
            <caption>{(items.Count == 1 ? "1 request to review" : $"{items.Count} requests to review")}</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Why</th><th scope="col">What to review</th><th scope="col">Children</th></tr></thead>
            <tbody>{items.Select(i => ReviewItem(set, i))}</tbody>
            </table>
            """);
        return Layout.Page(http, "Review queue", Html.Of($"{heading}{table}"), session);
    }

    private static Html ReviewItem(PolicySet? set, JsonElement item)
    {
        var time = DateTimeOffset.TryParse(Format.Text(item, "time"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? Format.DateTime(t) : "";
        var what = new List<Html>();
        if (Format.Flag(item, "breakGlass") == true)
        {
            what.Add(Html.Raw("""<p><span class="tag tag-red">Emergency access</span></p>"""));
        }

        foreach (var o in Format.List(item, "overrides"))
        {
            what.Add(Html.Of($"""<p class="small"><span class="tag tag-yellow">Wish set aside</span> A wish that information be {PlainWords.Preference(Format.Text(o, "preference") ?? "")} was set aside.</p>"""));
        }

        var children = Format.List(item, "childIds").Select(c => c.GetString() ?? "").Where(c => c.Length > 0)
            .Select(c => Html.Of($"""<a href="/access-report?child={Uri.EscapeDataString(c)}">{c}</a><br>"""));
        var justification = Format.Text(item, "justification");
        return Html.Of($"""
            <tr>
            <td>{time}</td>
            <td>{Format.Text(item, "user")}<br><span class="meta">{PlainWords.Capitalise(PlainWords.Role(set, Format.Text(item, "role")))}, {Format.Text(item, "organisation")}</span></td>
            <td>{PlainWords.Capitalise(PlainWords.Purpose(set, Format.Text(item, "purpose")))}{(justification is { Length: > 0 } ? Html.Of($"<br><span class=\"meta\">Reason given: “{justification}”</span>") : Html.Raw("<br><span class=\"meta\">No reason given</span>"))}</td>
            <td>{what}</td>
            <td>{children}</td>
            </tr>
            """);
    }

    private static Html Refused(ApiAnswer answer) => answer.Status switch
    {
        StatusCodes.Status403Forbidden => Html.Raw("""<div class="warning-text">Only the data protection officer can read this. Your attempt has been recorded.</div>"""),
        StatusCodes.Status401Unauthorized => Html.Raw("""<div class="warning-text">Your sign-in has expired. <a href="/sign-in">Sign in again</a>.</div>"""),
        StatusCodes.Status404NotFound => Html.Raw("""<div class="warning-text">This gateway keeps no record of access.</div>"""),
        _ => Html.Raw("""<div class="warning-text">The record of access cannot be read just now. Try again later.</div>"""),
    };
}
