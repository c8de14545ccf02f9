using System.Text.Json;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Model;
using Microsoft.AspNetCore.Antiforgery;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// Recording on the child's behalf from the child view: what the child said in their own words, or a wish of the
/// child or family about how their information is used. Written by the practitioner's own agency into its own record
/// of the child (the role's agency in the policies: a social worker into social care's, a school's safeguarding lead
/// into the pupil record, a keyworker into the voluntary sector's, a setting's key person into the early years
/// record), through that agency's mutations on the gateway, so the same policies, record scope and audit apply as to
/// any other call, and a wish is honoured from the next request.
/// </summary>
public static class RecordingPages
{
    /// <summary>What can be recorded: its route segment, the label a rule must record, and the page's words.</summary>
    private sealed record Kind(string Segment, string Label, string Title);

    private static readonly Kind Voice = new("voice", "voice", "Record what {0} said");
    private static readonly Kind Wish = new("wishes", "preference", "Record a wish about {0}'s information");

    private const int MaxId = 100;

    /// <summary>
    /// An agency that takes recordings: the child's link to its record, the record's key, its two mutations, what its
    /// record holds, and who may record there (for the words of a refusal).
    /// </summary>
    private sealed record Agency(string Id, string Link, string Key, string VoiceField, string WishField, int MaxWords, int MaxSetting, int MaxMethod, string Relationship);

    private static readonly Agency[] Agencies =
    [
        new("social-care", "socialCareChild", "personId", "recordChildVoice", "recordDataUseWish", 1000, 100, 100,
            "Only the worker children's social care has allocated to the child, or their team, can record on the child's behalf there"),
        new("education", "pupil", "upn", "recordPupilVoice", "recordPupilDataUseWish", 400, 60, 40,
            "Only the child's school can record on the child's behalf in their pupil record, while the child is on its roll"),
        new("early-years", "earlyYearsChild", "eyChildId", "recordEarlyYearsChildVoice", "recordEarlyYearsDataUseWish", 400, 60, 40,
            "Only the setting the child attends can record on the child's behalf in their early years record"),
        new("voluntary-sector", "vcsParticipant", "participantId", "recordParticipantVoice", "recordParticipantDataUseWish", 1000, 100, 100,
            "Only a keyworker or organisation working with the young person now can record on their behalf there"),
    ];

    /// <summary>
    /// The agency whose record the person writes in: their role's agency, when it takes recordings; else children's
    /// social care, which holds the record of most children anyone records for.
    /// </summary>
    private static Agency AgencyOf(PolicySet? set, WebSession session) =>
        session.Role is { } role && set?.Roles.GetValueOrDefault(role) is { } r && Agencies.FirstOrDefault(a => a.Id == r.Agency) is { } agency
            ? agency
            : Agencies[0];

    private static string TargetQuery(Agency agency) => $$"""
        query RecordingFor($id: ID!) { child(id: $id) { id forename middleName surname {{agency.Link}} { {{agency.Key}} } } }
        """;

    // The record's id is written into the document, not passed as a variable: the audit keeps each request's
    // operation text and never its variables, so the audit record of a recording then names the record written.
    // The id is one the gateway itself answered with, written as a JSON string, which is a valid GraphQL string.
    private static string RecordVoice(Agency agency, string key) => $$"""
        mutation RecordChildVoice($voice: ChildVoiceInput!) {
          {{agency.VoiceField}}({{agency.Key}}: {{JsonSerializer.Serialize(key)}}, voice: $voice) { recordedOn words }
        }
        """;

    private static string RecordWish(Agency agency, string key) => $$"""
        mutation RecordDataUseWish($wish: DataUseWishInput!) {
          {{agency.WishField}}({{agency.Key}}: {{JsonSerializer.Serialize(key)}}, wish: $wish) { recordedOn code dataCategory }
        }
        """;

    /// <summary>Who may not have the information, as the wish form offers it (never the recording agency itself), and what the wish then names.</summary>
    private static readonly (string Code, string? Agency, string? Purpose)[] AllCodes =
    [
        ("NOT_WITH_EDUCATION", "education", null),
        ("NOT_WITH_SOCIAL_CARE", "social-care", null),
        ("NOT_WITH_EARLY_YEARS", "early-years", null),
        ("NOT_WITH_VOLUNTARY_SECTOR", "voluntary-sector", null),
        ("NO_RESEARCH_USE", null, "research"),
    ];

    private static (string Code, string? Agency, string? Purpose)[] Codes(Agency agency) => [.. AllCodes.Where(c => c.Agency != agency.Id)];

    private static readonly string[] Categories = ["ALL", "VOICE"];

    private static readonly string[] ExpressedBy = ["CHILD", "PARENT", "CARER"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var kind in new[] { Voice, Wish })
        {
            endpoints.MapGet($"/children/{{id}}/{kind.Segment}/new", (HttpContext http, string id) => ShowAsync(http, id, kind));
            endpoints.MapPost($"/children/{{id}}/{kind.Segment}/new", (HttpContext http, string id) => RecordAsync(http, id, kind));
        }
    }

    /// <summary>
    /// Whether the person's declared purpose lets them record <paramref name="label"/> on a child's behalf, so the
    /// child view offers the link. The gateway decides again on every request; this only avoids offering what
    /// would be refused.
    /// </summary>
    public static bool MayRecord(PolicySet? set, WebSession session, string label, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return !session.BreakGlass(now) && session.Role is { } role && session.Purpose is { } purpose
            && set?.FindRule(role, purpose) is { } rule && rule.Records.Contains(label);
    }

    /// <summary>Whether the child view shows a record of the child's held by the person's own agency, to record in.</summary>
    public static bool HasRecordToWriteIn(PolicySet? set, WebSession session, JsonElement child)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Format.Object(child, AgencyOf(set, session).Link) is not null;
    }

    /// <summary>The links the child view shows under the child's words and wishes.</summary>
    public static Html Offer(PolicySet? set, WebSession session, string childId, string forename, bool voice, DateTimeOffset now)
    {
        var kind = voice ? Voice : Wish;
        return MayRecord(set, session, kind.Label, now)
            ? Html.Of($"""<p><a class="button button-secondary" href="/children/{Uri.EscapeDataString(childId)}/{kind.Segment}/new">{string.Format(System.Globalization.CultureInfo.InvariantCulture, kind.Title, forename)}</a></p>""")
            : Html.Empty;
    }

    /// <summary>The confirmation the child view shows after a recording (<c>?recorded=voice|wishes</c>), naming the person's agency.</summary>
    public static Html Confirmation(PolicySet? set, WebSession session, string? recorded, string forename)
    {
        ArgumentNullException.ThrowIfNull(session);
        var agency = AgencyOf(set, session).Id;
        return Confirmation(recorded, forename, agency);
    }

    private static Html Confirmation(string? recorded, string forename, string agency) => recorded switch
    {
        "voice" => Html.Of($"""
            <div class="notice-success" role="status"><h2>What {forename} said has been recorded</h2>
            <p>It is on {forename}'s record with {PlainWords.Agency(agency)}, shown first to everyone allowed to see it.</p></div>
            """),
        "wishes" => Html.Of($"""
            <div class="notice-success" role="status"><h2>The wish has been recorded</h2>
            <p>It is on {forename}'s record with {PlainWords.Agency(agency)}, and applies from now on to everyone who asks for {forename}'s information.</p></div>
            """),
        _ => Html.Empty,
    };

    private static async Task<IResult> ShowAsync(HttpContext http, string id, Kind kind)
    {
        var session = await WebSession.GetAsync(http).ConfigureAwait(false);
        if (session is null)
        {
            return Results.Redirect("/sign-in");
        }

        if (session.Purpose is null)
        {
            return Results.Redirect("/purpose");
        }

        var (target, refusal) = await TargetAsync(http, session, id).ConfigureAwait(false);
        return refusal ?? Form(http, session, kind, target!, new Dictionary<string, string>(StringComparer.Ordinal), []);
    }

    private static async Task<IResult> RecordAsync(HttpContext http, string id, Kind kind)
    {
        // The session first: the antiforgery token is bound to the signed-in person it reads.
        var session = await WebSession.GetAsync(http).ConfigureAwait(false);
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return SignInPages.BadForm(http);
        }

        if (session is null)
        {
            return Results.Redirect("/sign-in");
        }

        if (session.Purpose is null)
        {
            return Results.Redirect("/purpose");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var values = form.Keys.Where(k => !k.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(k => k, k => form[k].ToString().Trim(), StringComparer.Ordinal);
        var (target, refusal) = await TargetAsync(http, session, id).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var agency = target!.Agency;
        var errors = kind == Voice ? CheckVoice(agency, values) : CheckWish(agency, values);
        if (errors.Count > 0)
        {
            return Form(http, session, kind, target!, values, errors);
        }

        var now = DateTimeOffset.UtcNow;
        var answer = await http.RequestServices.GetRequiredService<GatewayApi>().QueryAsync(session,
            kind == Voice ? RecordVoice(agency, target.Key) : RecordWish(agency, target.Key),
            kind == Voice ? new { voice = VoiceInput(values) } : new { wish = WishInput(values) },
            now, http.RequestAborted).ConfigureAwait(false);
        if (answer.Status == StatusCodes.Status401Unauthorized)
        {
            await WebSession.SignOutAsync(http).ConfigureAwait(false);
            return Results.Redirect("/sign-in");
        }

        if (answer.Data is { } data && Format.Object(data, kind == Voice ? agency.VoiceField : agency.WishField) is not null)
        {
            return Results.Redirect($"/children/{Uri.EscapeDataString(target.ChildId)}?recorded={kind.Segment}");
        }

        var error = answer.Errors.Count > 0 ? answer.Errors[0] : null;
        var why = WhyNotRecorded(http, session, agency, error?.Code, error?.Scope, now);
        return Form(http, session, kind, target, values, [("", why)], answer.Status >= 400 ? answer.Status : StatusCodes.Status403Forbidden);
    }

    /// <summary>The child, as the person may see them, and the key of the record of theirs the person's agency holds.</summary>
    private sealed record Target(string ChildId, string Forename, string Name, Agency Agency, string Key);

    private static async Task<(Target? Target, IResult? Refusal)> TargetAsync(HttpContext http, WebSession session, string id)
    {
        if (id.Length > MaxId || id.Any(char.IsControl))
        {
            return (null, Layout.Page(http, "Not a child reference", Html.Raw("""<h1>That is not a child reference</h1><p><a href="/children">Find a child</a></p>"""), session, StatusCodes.Status400BadRequest));
        }

        var agency = AgencyOf(http.RequestServices.GetRequiredService<GatewayState>().Current.Policies?.Set, session);
        var answer = await http.RequestServices.GetRequiredService<GatewayApi>()
            .QueryAsync(session, TargetQuery(agency), new { id }, DateTimeOffset.UtcNow, http.RequestAborted).ConfigureAwait(false);
        if (answer.Status == StatusCodes.Status401Unauthorized)
        {
            await WebSession.SignOutAsync(http).ConfigureAwait(false);
            return (null, Results.Redirect("/sign-in"));
        }

        if (answer.Data is not { } data || Format.Object(data, "child") is not { } child)
        {
            // The child view explains why the child is not shown, in the same words as everywhere else.
            return (null, Results.Redirect($"/children/{Uri.EscapeDataString(id)}"));
        }

        var forename = Format.Text(child, "forename") ?? "the child";
        var name = string.Join(' ', new[] { Format.Text(child, "forename"), Format.Text(child, "middleName"), Format.Text(child, "surname") }.Where(n => n is { Length: > 0 }));
        if (Format.Object(child, agency.Link) is not { } record || Format.Text(record, agency.Key) is not { Length: > 0 } key)
        {
            return (null, Layout.Page(http, "Nothing to record in", Html.Of($"""
                <span class="caption">{name}</span>
                <h1>There is no record of {forename}'s to write in</h1>
                <p>What a child says and the wishes they or their family express are recorded by your own service, {PlainWords.Agency(agency.Id)}. {forename} has no record there that you can see.</p>
                <p><a href="/children/{Uri.EscapeDataString(id)}">Back to {forename}'s information</a></p>
                """), session, StatusCodes.Status404NotFound));
        }

        return (new Target(Format.Text(child, "id") ?? id, forename, name, agency, key), null);
    }

    private static List<(string Field, string Message)> CheckVoice(Agency agency, Dictionary<string, string> values)
    {
        var errors = new List<(string, string)>();
        Text(values, errors, "words", "What they said", agency.MaxWords, required: true);
        Text(values, errors, "wishesAndFeelings", "Their wishes and feelings", agency.MaxWords, required: false);
        Text(values, errors, "setting", "Where it was heard", agency.MaxSetting, required: true);
        Text(values, errors, "method", "How it was heard", agency.MaxMethod, required: false);
        return errors;
    }

    private static List<(string Field, string Message)> CheckWish(Agency agency, Dictionary<string, string> values)
    {
        var errors = new List<(string, string)>();
        Choice(values, errors, "expressedBy", ExpressedBy, "Choose who expressed the wish");
        Choice(values, errors, "code", Codes(agency).Select(c => c.Code), "Choose who must not have the information");
        Choice(values, errors, "dataCategory", Categories, "Choose what the wish covers");
        Text(values, errors, "statement", "The wish in their words", agency.MaxWords, required: true);
        return errors;
    }

    private static void Text(Dictionary<string, string> values, List<(string, string)> errors, string field, string name, int limit, bool required)
    {
        var value = values.GetValueOrDefault(field, "");
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add((field, $"Enter {name.ToLowerInvariant()}"));
            }
        }
        else if (value.Length > limit)
        {
            errors.Add((field, $"{name} must be {limit} characters or fewer"));
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors.Add((field, $"{name} contains characters that cannot be recorded"));
        }
    }

    private static void Choice(Dictionary<string, string> values, List<(string, string)> errors, string field, IEnumerable<string> allowed, string message)
    {
        if (!allowed.Contains(values.GetValueOrDefault(field, ""), StringComparer.Ordinal))
        {
            errors.Add((field, message));
        }
    }

    private static object VoiceInput(Dictionary<string, string> values) => new
    {
        words = values["words"],
        wishesAndFeelings = Blank(values.GetValueOrDefault("wishesAndFeelings")),
        setting = values["setting"],
        method = Blank(values.GetValueOrDefault("method")),
    };

    private static object WishInput(Dictionary<string, string> values)
    {
        var code = AllCodes.Single(c => c.Code == values["code"]);
        return new
        {
            code = code.Code,
            dataCategory = values["dataCategory"],
            withheldFromAgencies = code.Agency is { } agency ? new[] { agency } : [],
            withheldFromPurposes = code.Purpose is { } purpose ? new[] { purpose } : [],
            expressedBy = values["expressedBy"],
            statement = values["statement"],
        };
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Why the gateway did not record it, in words; never the code.</summary>
    private static string WhyNotRecorded(HttpContext http, WebSession session, Agency agency, string? code, string? scope, DateTimeOffset now)
    {
        var set = http.RequestServices.GetRequiredService<GatewayState>().Current.Policies?.Set;
        return code switch
        {
            "RECORDING_NOT_ALLOWED" when session.BreakGlass(now) =>
                "Emergency access is for reading a child's information, not for recording on their behalf. Turn it off on the purpose page to record.",
            "RECORDING_NOT_ALLOWED" =>
                $"The rules for {PlainWords.Purpose(set, session.Purpose)} do not let {PlainWords.Role(set, session.Role)} record this on a child's behalf.",
            "OUTSIDE_SCOPE" or "RECORDING_NEEDS_RELATIONSHIP" =>
                $"{agency.Relationship}{(scope is null ? "" : ", and this child is not " + PlainWords.Scope(scope))}.",
            "INVALID_RECORDING" => "What you entered could not be recorded. Check each answer and try again.",
            "SUBREQUEST_HTTP_ERROR" or "SUBREQUEST_TIMEOUT" or "SUBREQUEST_MALFORMED_RESPONSE" or "SUBGRAPH_ERROR" =>
                $"{PlainWords.Capitalise(PlainWords.Agency(agency.Id))} did not answer just now, so nothing was recorded. Try again later.",
            _ => PlainWords.WhyRefused(set, code, session.Role, session.Purpose) + " Nothing was recorded.",
        };
    }

    private static IResult Form(HttpContext http, WebSession session, Kind kind, Target target, Dictionary<string, string> values, List<(string Field, string Message)> errors, int? status = null)
    {
        string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field).Message;
        string Value(string field) => values.GetValueOrDefault(field, "");
        Html Error(string field) => ErrorFor(field) is { } e ? Html.Of($"""<span class="error-message" id="{field}-error">Error: {e}</span>""") : Html.Empty;
        string DescribedBy(string field, bool hint) =>
            string.Join(' ', new[] { hint ? field + "-hint" : null, ErrorFor(field) is null ? null : field + "-error" }.Where(s => s is not null));

        Html TextArea(string field, string label, string hint, int limit) => Html.Of($"""
            <div class="form-group">
            <label for="{field}">{label}</label>
            <span class="hint" id="{field}-hint">{hint}</span>
            {Error(field)}
            <textarea id="{field}" name="{field}" rows="4" maxlength="{limit}" aria-describedby="{DescribedBy(field, true)}">{Value(field)}</textarea>
            </div>
            """);
        Html TextInput(string field, string label, string hint, int limit) => Html.Of($"""
            <div class="form-group">
            <label for="{field}">{label}</label>
            <span class="hint" id="{field}-hint">{hint}</span>
            {Error(field)}
            <input type="text" id="{field}" name="{field}" value="{Value(field)}" maxlength="{limit}" autocomplete="off" aria-describedby="{DescribedBy(field, true)}">
            </div>
            """);
        Html Radios(string field, string legend, IEnumerable<(string Value, string Label)> options) => Html.Of($"""
            <div class="form-group">
            <fieldset class="radios"{(ErrorFor(field) is null ? Html.Empty : Html.Of($" aria-describedby=\"{field}-error\""))}>
            <legend>{legend}</legend>
            {Error(field)}
            {options.Select((o, i) => Html.Of($"""
                <div class="radio">
                <input type="radio" id="{(i == 0 ? field : field + "-" + i)}" name="{field}" value="{o.Value}"{(Value(field) == o.Value ? Html.Raw(" checked") : Html.Empty)}>
                <label for="{(i == 0 ? field : field + "-" + i)}">{o.Label}</label>
                </div>
                """))}
            </fieldset>
            </div>
            """);

        var forename = target.Forename;
        var agency = target.Agency;
        var fields = kind == Voice
            ? Html.Join([
                TextArea("words", "What they said", $"In {forename}'s own words, as they said them.", agency.MaxWords),
                TextArea("wishesAndFeelings", "Their wishes and feelings (optional)", "What they would like to happen.", agency.MaxWords),
                TextInput("setting", "Where it was heard", "For example: home visit, school, family hub.", agency.MaxSetting),
                TextInput("method", "How it was heard (optional)", "For example: direct conversation, drawing, advocate.", agency.MaxMethod),
            ])
            : Html.Join([
                Radios("expressedBy", "Who expressed the wish?", [("CHILD", forename), ("PARENT", "A parent"), ("CARER", "A carer")]),
                Radios("code", "Who must not have the information?", Codes(agency).Select(c => (c.Code, PlainWords.Capitalise(PlainWords.Preference(c.Code))))),
                Radios("dataCategory", "What does the wish cover?",
                    [("ALL", $"Everything {PlainWords.Agency(agency.Id)} holds about {forename}"), ("VOICE", $"What {forename} has said to {PlainWords.Agency(agency.Id)}")]),
                TextArea("statement", "The wish in their words", "As the child or family said it. It is shown with the wish to everyone allowed to see wishes.", agency.MaxWords),
            ]);
        var summary = errors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">{(errors.Any(e => e.Field.Length == 0) ? "Nothing was recorded" : "There is a problem")}</h2>
            <ul>{errors.Select(e => e.Field.Length == 0 ? Html.Of($"<li>{e.Message}</li>") : Html.Of($"""<li><a href="#{e.Field}">{e.Message}</a></li>"""))}</ul>
            </div>
            """);
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, kind.Title, forename);
        var explanation = kind == Voice
            ? $"It is recorded on {forename}'s record with {PlainWords.Agency(agency.Id)}, as you, and shown first to everyone allowed to see what {forename} has said."
            : $"It is recorded on {forename}'s record with {PlainWords.Agency(agency.Id)}, as you. From the next request on, the information it covers is withheld from whoever it names, unless the law allows it to be set aside (child protection), which is then recorded for review.";
        var childUrl = "/children/" + Uri.EscapeDataString(target.ChildId);
        var body = Html.Of($"""
            {summary}
            <span class="caption">{target.Name}</span>
            <h1>{title}</h1>
            <p>{explanation} Recording is itself recorded, with your purpose.</p>
            <form method="post" action="{childUrl}/{kind.Segment}/new" novalidate>
            {Layout.Antiforgery(http)}
            {fields}
            <button type="submit" class="button">{(kind == Voice ? "Record what they said" : "Record the wish")}</button>
            </form>
            <p><a href="{childUrl}">Back to {forename}'s information without recording</a></p>
            """);
        return Layout.Page(http, errors.Count > 0 ? "Error: " + title : title, body, session,
            status ?? (errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK));
    }
}
