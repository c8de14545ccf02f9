using System.Text.Json;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The joined-up child page from one answer of the API: identity, the child's own words, their wishes about their
/// information (with any set aside, and why), then each agency's section with what it withheld and why.
/// </summary>
public static class ChildView
{
    /// <summary>Something the API withheld, placed in the part of the page it belongs to.</summary>
    private sealed record Withheld(string Area, string What, string Why);

    public static Html Render(PolicySet? set, WebSession session, JsonElement child, ApiAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(answer);
        var withheld = Place(set, session, answer);
        var forename = Format.Text(child, "forename") ?? "the child";
        var overrides = answer.Extension("preferenceOverrides") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        var name = string.Join(' ', new[] { Format.Text(child, "forename"), Format.Text(child, "middleName"), Format.Text(child, "surname") }.Where(n => n is { Length: > 0 }));
        var id = Format.Text(child, "id") ?? "";
        // Recording goes to the record the person's own agency holds, so it is offered only where the view shows one.
        var recordable = Pages.RecordingPages.HasRecordToWriteIn(set, session, child);

        var notices = new List<Html>();
        if (overrides.Count > 0)
        {
            notices.Add(Html.Of($"""
                <div class="warning-text" role="note">
                <p>A wish the child or their family recorded was set aside for this view, because {PlainWords.Purpose(set, session.Purpose)} may override it. This is recorded for the data protection officer's review.</p>
                <ul>{overrides.Select(o => Html.Of($"""<li>{OverrideSentence(set, session, o)}</li>"""))}</ul>
                </div>
                """));
        }

        if (withheld.Count > 0)
        {
            notices.Add(Html.Of($"""
                <div class="notice" role="note"><p><strong>Not everything is shown to you.</strong> {(withheld.Count == 1 ? "One kind of information was" : $"{withheld.Count} kinds of information were")} withheld for your role and purpose. Each section below says what, and why.</p></div>
                """));
        }

        var identity = Html.Of($"""
            <table class="summary-list"><tbody>
            {Row("Date of birth", Format.Date(Format.Text(child, "dateOfBirth")))}
            {Row("Sex", Format.Text(child, "sex") switch { "F" => "Female", "M" => "Male", var other => other })}
            {Row("Postcode", Format.Text(child, "postcode"))}
            {Row("NHS number", Format.Text(child, "nhsNumber"))}
            {Row("Child index reference", id)}
            </tbody></table>
            {WithheldList(withheld, "identity")}
            """);

        var access = session.IsDataProtectionOfficer
            ? Html.Of($"""<p><a href="/access-report?child={Uri.EscapeDataString(id)}">Who has looked at {forename}'s information</a></p>""")
            : Html.Empty;

        return Html.Of($"""
            <span class="caption">Child</span>
            <h1>{name}</h1>
            {notices}
            {identity}
            {access}
            <section class="section" aria-labelledby="voice-heading">
            <h2 id="voice-heading">In {forename}'s own words</h2>
            {Voices(child, forename)}
            {WithheldList(withheld, "voice")}
            {(recordable ? Pages.RecordingPages.Offer(set, session, id, forename, voice: true, now) : Html.Empty)}
            </section>
            <section class="section" aria-labelledby="wishes-heading">
            <h2 id="wishes-heading">{forename}'s wishes about their information</h2>
            {Wishes(child, overrides)}
            {WithheldList(withheld, "wishes")}
            {(recordable ? Pages.RecordingPages.Offer(set, session, id, forename, voice: false, now) : Html.Empty)}
            </section>
            {ChildViewQuery.Sections.Select(s => Section(s, child, withheld))}
            """);
    }

    private static Html Row(string name, string? value) =>
        value is { Length: > 0 } ? Html.Of($"<tr><th scope=\"row\">{name}</th><td>{value}</td></tr>") : Html.Empty;

    /// <summary>Each withheld thing once, in the area of the page it belongs to, with its reason in words.</summary>
    private static List<Withheld> Place(PolicySet? set, WebSession session, ApiAnswer answer)
    {
        var parts = ChildViewQuery.Sections.SelectMany(s => s.Parts.Select(p => (p.Alias, Area: s.Agency, s.Agency))).ToList();
        foreach (var (agency, _, key) in ChildViewQuery.Agencies)
        {
            parts.Add((key + "Voice", "voice", agency));
            parts.Add((key + "Wishes", "wishes", agency));
        }

        var byAlias = parts.ToDictionary(p => p.Alias, p => (p.Area, p.Agency), StringComparer.Ordinal);
        var placed = new List<Withheld>();
        foreach (var error in answer.Errors)
        {
            if (error.Path is not ["child", var alias, ..])
            {
                continue;
            }

            var (area, agency) = byAlias.TryGetValue(alias, out var found) ? found : ("identity", "child-index");
            var what = error.Code == "LINK_NOT_ALLOWED" ? $"Records held by {PlainWords.Agency(agency)}"
                : area == "voice" ? $"What the child said to {PlainWords.Agency(agency)}"
                : area == "wishes" ? $"Wishes recorded with {PlainWords.Agency(agency)}"
                : PlainWords.Capitalise(PlainWords.Field(error.Field ?? alias));
            var why = PlainWords.WhyWithheld(set, error.Code, error.Label, error.Scope, agency, session.Purpose);
            var item = new Withheld(error.Code == "LINK_NOT_ALLOWED" && area is "voice" or "wishes" ? agency : area, what, why);
            if (!placed.Contains(item))
            {
                placed.Add(item);
            }
        }

        return placed;
    }

    private static Html WithheldList(List<Withheld> withheld, string area)
    {
        var mine = withheld.Where(w => w.Area == area).ToList();
        return mine.Count == 0 ? Html.Empty : Html.Of($"""
            <h3>Not shown to you</h3>
            <ul class="withheld">{mine.Select(w => Html.Of($"<li><strong>{w.What}.</strong> {w.Why}</li>"))}</ul>
            """);
    }

    private static Html Voices(JsonElement child, string forename)
    {
        var entries = ChildViewQuery.Agencies
            .SelectMany(a => Format.Object(child, a.Key + "Voice") is { } record ? Format.List(record, "voice").Select(v => (a.Agency, Voice: v)) : [])
            .OrderByDescending(v => Format.Text(v.Voice, "recordedOn"), StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
        {
            return Html.Of($"<p>No words of {forename}'s are recorded by the services you can see.</p>");
        }

        return Html.Join(entries.Select(e => Html.Of($"""
            <figure class="voice">
            <blockquote><p>“{Format.Text(e.Voice, "words")}”</p></blockquote>
            {(Format.Text(e.Voice, "wishesAndFeelings") is { Length: > 0 } wishes ? Html.Of($"<p><strong>Wishes and feelings:</strong> {wishes}</p>") : Html.Empty)}
            <figcaption class="meta">{Format.Date(Format.Text(e.Voice, "recordedOn"))} · recorded by {Format.Text(e.Voice, "recordedBy")} ({PlainWords.Agency(e.Agency)}) · {Format.Text(e.Voice, "setting")}{(Format.Text(e.Voice, "method") is { Length: > 0 } m ? " · " + m : "")}</figcaption>
            </figure>
            """)));
    }

    private static Html Wishes(JsonElement child, IReadOnlyList<JsonElement> overrides)
    {
        var entries = ChildViewQuery.Agencies
            .SelectMany(a => Format.Object(child, a.Key + "Wishes") is { } record ? Format.List(record, "dataUsePreferences").Select(w => (a.Agency, Wish: w)) : [])
            .ToList();
        if (entries.Count == 0)
        {
            return Html.Raw("<p>No wishes about the use of their information are recorded by the services you can see.</p>");
        }

        return Html.Join(entries.Select(e =>
        {
            var code = Format.Text(e.Wish, "code") ?? "";
            var category = Format.Text(e.Wish, "dataCategory") ?? "";
            var setAside = overrides.Any(o => Format.Text(o, "agency") == e.Agency && Format.Text(o, "preference") == code && Format.Text(o, "dataCategory") == category);
            return Html.Of($"""
                <figure class="wish">
                <blockquote><p>“{Format.Text(e.Wish, "statement")}”</p></blockquote>
                <p>{PlainWords.Capitalise(PlainWords.ExpressedBy(Format.Text(e.Wish, "expressedBy")))} asked that {PlainWords.PreferenceCategory(category)} held by {PlainWords.Agency(e.Agency)} is {PlainWords.Preference(code)}.
                {(setAside ? Html.Raw("""<span class="tag tag-red">Set aside for this view</span>""") : Html.Empty)}</p>
                <figcaption class="meta">Recorded {Format.Date(Format.Text(e.Wish, "recordedOn"))} by {Format.Text(e.Wish, "recordedBy")}</figcaption>
                </figure>
                """);
        }));
    }

    private static string OverrideSentence(PolicySet? set, WebSession session, JsonElement notice)
    {
        var agency = Format.Text(notice, "agency");
        var fields = string.Join(", ", Format.List(notice, "fields").Select(f => PlainWords.Field(f.GetString())));
        return $"The wish that {PlainWords.PreferenceCategory(Format.Text(notice, "dataCategory") ?? "")} held by {PlainWords.Agency(agency)} is {PlainWords.Preference(Format.Text(notice, "preference") ?? "")}: "
            + $"{fields} shown for {PlainWords.Purpose(set, session.Purpose)}. Legal basis: {Format.Text(notice, "legalBasis")?.TrimEnd('.')}.";
    }

    private static Html Section(ChildViewSection section, JsonElement child, List<Withheld> withheld)
    {
        var answered = section.Parts.Where(p => Format.Object(child, p.Alias) is not null).ToList();
        var mine = withheld.Where(w => w.Area == section.Agency).ToList();
        var content = answered.Count > 0
            ? Html.Join(answered.Select(p => p.Render(Format.Object(child, p.Alias)!.Value)))
            : mine.Count > 0 ? Html.Empty : Html.Of($"<p>No record with {PlainWords.Agency(section.Agency)} is linked to this child.</p>");
        return Html.Of($"""
            <section class="section" aria-labelledby="{section.Agency}-heading">
            <h2 id="{section.Agency}-heading">{section.Title}</h2>
            {(answered.Count > 0 ? LinkNote.For(child, section.Agency) : Html.Empty)}
            {content}
            {WithheldList(withheld, section.Agency)}
            </section>
            """);
    }
}
