using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Explanation;
using Microsoft.AspNetCore.Antiforgery;

namespace ChildInfo.Gateway.Web.Pages;

/// <summary>
/// Declaring the purpose: only the purposes the person's role may use (from the policy set, explained as
/// <c>GET /policy/explain</c> would), each with its plain description and legal basis; a reason or case reference
/// where the purpose needs one; emergency access (break-glass) only where the rule allows it, with a reason.
/// </summary>
public static class PurposePages
{
    private const int MaxJustification = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/purpose", (Func<HttpContext, Task<IResult>>)ShowAsync);
        endpoints.MapPost("/purpose", (Func<HttpContext, Task<IResult>>)DeclareAsync);
    }

    /// <summary>The purposes each of the person's roles may use, explained; empty when the gateway has no policies.</summary>
    public static IReadOnlyList<PolicyExplanation> Choices(HttpContext http, WebSession session)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        if (http.RequestServices.GetRequiredService<GatewayState>().Current.Policies is not { } engine)
        {
            return [];
        }

        var explainer = new PolicyExplainer(engine);
        return [.. session.Roles
            .Where(engine.Set.Roles.ContainsKey)
            .SelectMany(role => engine.Set.Roles[role].Purposes.Select(purpose => explainer.Explain(role, purpose)))
            .Where(e => e.Permitted)];
    }

    private static async Task<IResult> ShowAsync(HttpContext http)
    {
        if (await WebSession.GetAsync(http).ConfigureAwait(false) is not { } session)
        {
            return Results.Redirect("/sign-in");
        }

        return Form(http, session, Choices(http, session), selected: session.Role is { } r && session.Purpose is { } p ? r + ":" + p : null,
            session.Justification, breakGlass: session.BreakGlass(DateTimeOffset.UtcNow), errors: []);
    }

    private static async Task<IResult> DeclareAsync(HttpContext http)
    {
        var session = await WebSession.GetAsync(http).ConfigureAwait(false);
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return SignInPages.BadForm(http);
        }

        if (session is null)
        {
            return Results.Redirect("/sign-in");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var choices = Choices(http, session);
        var selected = form["purpose"].ToString();
        var justification = form["justification"].ToString().Trim();
        var breakGlass = form["breakGlass"] == "on";
        var choice = choices.FirstOrDefault(c => c.Role + ":" + c.Purpose == selected);
        var errors = new List<(string Field, string Message)>();
        if (choice is null)
        {
            errors.Add(("purpose", "Choose what you are doing"));
        }

        if (justification.Length > MaxJustification)
        {
            errors.Add(("justification", $"The reason must be {MaxJustification} characters or fewer"));
        }
        else if (justification.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors.Add(("justification", "The reason contains characters that cannot be recorded"));
        }
        else if (choice is not null && (choice.JustificationRequired || breakGlass) && justification.Length == 0)
        {
            errors.Add(("justification", breakGlass ? "Give the reason for emergency access" : $"Give a reason or case reference for {PlainWords.PurposeName(choice.Purpose).ToLowerInvariant()}"));
        }

        if (breakGlass && choice is { BreakGlass: false })
        {
            errors.Add(("breakGlass", "Emergency access is not allowed for this purpose"));
        }

        if (errors.Count > 0)
        {
            return Form(http, session, choices, selected, justification, breakGlass, errors);
        }

        // Line breaks become spaces: the reason is recorded as one line in the audit.
        var oneLine = string.Join(' ', justification.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        await session.DeclareAsync(http, choice!.Role, choice.Purpose, oneLine.Length == 0 ? null : oneLine,
            breakGlass ? DateTimeOffset.UtcNow + WebSession.BreakGlassLifetime : null).ConfigureAwait(false);
        return Results.Redirect(session.IsDataProtectionOfficer ? "/review" : "/children");
    }

    private static IResult Form(HttpContext http, WebSession session, IReadOnlyList<PolicyExplanation> choices, string? selected, string? justification, bool breakGlass, IReadOnlyList<(string Field, string Message)> errors)
    {
        if (choices.Count == 0)
        {
            return Layout.Page(http, "Purpose", Html.Raw("""
                <h1>You cannot look at children's information</h1>
                <p>Your role has no purpose for which it may look at children's information in this service.</p>
                """), session);
        }

        string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field).Message;
        var summary = errors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>{errors.Select(e => Html.Of($"""<li><a href="#{e.Field}">{e.Message}</a></li>"""))}</ul>
            </div>
            """);
        var several = choices.Select(c => c.Role).Distinct().Count() > 1;
        var options = choices.Select((c, i) =>
        {
            var value = c.Role + ":" + c.Purpose;
            var id = i == 0 ? "purpose" : "purpose-" + i;
            var tags = new List<Html>();
            if (c.JustificationRequired)
            {
                tags.Add(Html.Raw("""<span class="tag tag-yellow">Needs a reason or case reference</span> """));
            }

            if (c.AggregateOnly)
            {
                tags.Add(Html.Raw("""<span class="tag tag-grey">Counts only, no individual child</span> """));
            }

            if (c.BreakGlass)
            {
                tags.Add(Html.Raw("""<span class="tag tag-red">Emergency access allowed</span> """));
            }

            var role = several ? Html.Of($"""<span class="hint">As {PlainWords.Phrase(c.RoleDescription)}</span>""") : Html.Empty;
            return Html.Of($"""
                <div class="radio">
                <input type="radio" id="{id}" name="purpose" value="{value}" aria-describedby="{id}-hint"{(value == selected ? Html.Raw(" checked") : Html.Empty)}>
                <div>
                <label for="{id}">{PlainWords.PurposeName(c.Purpose)}</label>
                <div class="hint" id="{id}-hint">{PlainWords.Capitalise(PlainWords.Phrase(c.PurposeDescription))}.<br>Legal basis: {c.LegalBasis}<br>{tags}</div>
                {role}
                </div>
                </div>
                """);
        });
        var emergency = choices.Any(c => c.BreakGlass) ? Html.Of($"""
            <div class="panel-emergency">
            <h2>Emergency access (break-glass)</h2>
            <p>Only if a child may be at immediate risk and they are not on your caseload. It lasts 60 minutes, needs a
            reason, and every request you make with it is flagged for the data protection officer's review.</p>
            {(ErrorFor("breakGlass") is { } e ? Html.Of($"""<span class="error-message" id="breakGlass-error">Error: {e}</span>""") : Html.Empty)}
            <div class="checkbox">
            <input type="checkbox" id="breakGlass" name="breakGlass"{(breakGlass ? Html.Raw(" checked") : Html.Empty)}>
            <label for="breakGlass">Use emergency access for the next 60 minutes</label>
            </div>
            </div>
            """) : Html.Empty;
        var justificationError = ErrorFor("justification");
        var purposeError = ErrorFor("purpose");
        var body = Html.Of($"""
            {summary}
            <h1>What are you doing?</h1>
            <p>Say why you are looking at children's information. What you see depends on it, and it is recorded
            with every request you make.</p>
            <form method="post" action="/purpose" novalidate>
            {Layout.Antiforgery(http)}
            <div class="form-group">
            <fieldset class="radios" aria-describedby="purpose-list-hint">
            <legend>Your purpose</legend>
            <span class="hint" id="purpose-list-hint">Only the purposes your role may use are listed.</span>
            {(purposeError is { } pe ? Html.Of($"""<span class="error-message">Error: {pe}</span>""") : Html.Empty)}
            {options}
            </fieldset>
            </div>
            <div class="form-group">
            <label for="justification">Reason or case reference</label>
            <span class="hint" id="justification-hint">Needed where the purpose says so, and for emergency access. For example: S47 enquiry CP-2291.</span>
            {(justificationError is { } je ? Html.Of($"""<span class="error-message" id="justification-error">Error: {je}</span>""") : Html.Empty)}
            <textarea id="justification" name="justification" rows="3" maxlength="{MaxJustification}" aria-describedby="justification-hint{(justificationError is null ? "" : " justification-error")}">{justification}</textarea>
            </div>
            {emergency}
            <button type="submit" class="button">Continue</button>
            </form>
            """);
        return Layout.Page(http, errors.Count > 0 ? "Error: What are you doing?" : "What are you doing?", body, session, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
