using System.Text;
using System.Text.Json;

namespace ChildInfo.Gateway.Web;

/// <summary>One aliased selection of an agency's record in the child view, with how to show what comes back.</summary>
/// <param name="Alias">The response key (unique in the query).</param>
/// <param name="Link">The <c>Child</c> field that leads to the agency's record.</param>
/// <param name="Selection">What is asked of the record.</param>
/// <param name="Render">Shows the record's answer for this part.</param>
public sealed record ChildViewPart(string Alias, string Link, string Selection, Func<JsonElement, Html> Render);

/// <summary>An agency's section of the child view.</summary>
public sealed record ChildViewSection(string Agency, string Link, string Title, IReadOnlyList<ChildViewPart> Parts);

/// <summary>
/// The joined-up child query the child view sends. Each agency's record is asked for in several aliased parts, one
/// per kind of information, so that a withheld field (whose null, where the schema says non-null, takes its parent
/// with it) costs only its own part, never the rest of the record. The child's own words and wishes are asked of
/// every agency first.
/// </summary>
public static class ChildViewQuery
{
    public const string VoiceFields = "recordedOn words wishesAndFeelings recordedBy setting method";
    /// <summary>How each agency's record was linked to the child, for the note in its section.</summary>
    public const string LinkFields = "sourceSystem matchMethod matchConfidence matchEvidence { field weight }";

    public const string WishFields = "code dataCategory withheldFromPurposes withheldFromAgencies expressedBy statement recordedOn recordedBy";

    /// <summary>Agencies, their link field and the alias prefix of their voice and wishes parts.</summary>
    public static IReadOnlyList<(string Agency, string Link, string Key)> Agencies { get; } =
    [
        ("education", "pupil", "education"),
        ("early-years", "earlyYearsChild", "earlyYears"),
        ("social-care", "socialCareChild", "socialCare"),
        ("voluntary-sector", "vcsParticipant", "voluntary"),
    ];

    public static IReadOnlyList<ChildViewSection> Sections { get; } =
    [
        new("education", "pupil", "School and education",
        [
            new("pupil", "pupil", "upn ncYearActual", r => Rows(("Unique pupil number", Format.Text(r, "upn")), ("School year", Format.Text(r, "ncYearActual")))),
            new("pupilEnrolments", "pupil", "enrolments { school { name } entryDate leavingDate current }", r => Table("Schools", ["School", "From", "To"],
                Format.List(r, "enrolments").Select(e => new[] { Format.Object(e, "school") is { } s ? Format.Text(s, "name") : "", Format.Date(Format.Text(e, "entryDate")), Format.Flag(e, "current") == true ? "Now" : Format.Date(Format.Text(e, "leavingDate")) }))),
            new("pupilAttendance", "pupil", "persistentlyAbsent attendanceYears { academicYear sessionsPossible overallAbsenceRate persistentAbsence }", r => Html.Join([
                Rows(("Persistently absent", Format.YesNo(Format.Flag(r, "persistentlyAbsent")))),
                Table("Attendance by school year", ["Year", "Sessions possible", "Absence", "Persistently absent"],
                    Format.List(r, "attendanceYears").Select(y => new[] { Format.Text(y, "academicYear"), Format.Text(y, "sessionsPossible"), Percent(Format.Text(y, "overallAbsenceRate")), Format.YesNo(Format.Flag(y, "persistentAbsence")) })),
            ])),
            new("pupilExclusions", "pupil", "exclusions { startDate category sessions }", r => Table("Suspensions and exclusions", ["From", "Kind", "Sessions"],
                Format.List(r, "exclusions").Select(e => new[] { Format.Date(Format.Text(e, "startDate")), Exclusion(Format.Text(e, "category")), Format.Text(e, "sessions") }))),
            new("pupilSen", "pupil", "senProvision senNeeds { type meaning }", r => Html.Join([
                Rows(("Special educational needs", Sen(Format.Text(r, "senProvision")))),
                Table("Needs", ["Need"], Format.List(r, "senNeeds").Select(n => new[] { Format.Text(n, "meaning") })),
            ])),
            new("pupilFsm", "pupil", "fsmEligible", r => Rows(("Free school meals", Format.YesNo(Format.Flag(r, "fsmEligible"))))),
        ]),
        new("early-years", "earlyYearsChild", "Early years",
        [
            new("earlyYearsChild", "earlyYearsChild", "eyChildId", r => Rows(("Early years reference", Format.Text(r, "eyChildId")))),
            new("earlyYearsSettings", "earlyYearsChild", "settings { setting { name } startDate leavingDate current }", r => Table("Settings", ["Setting", "From", "To"],
                Format.List(r, "settings").Select(e => new[] { Format.Object(e, "setting") is { } s ? Format.Text(s, "name") : "", Format.Date(Format.Text(e, "startDate")), Format.Flag(e, "current") == true ? "Now" : Format.Date(Format.Text(e, "leavingDate")) }))),
            new("earlyYearsDevelopment", "earlyYearsChild", "eyfsProfile { assessmentYear goodLevelOfDevelopment }", r => Format.Object(r, "eyfsProfile") is { } p
                ? Rows(("Early years foundation stage profile", $"{Format.Text(p, "assessmentYear")}: {(Format.Flag(p, "goodLevelOfDevelopment") == true ? "a good level of development" : "not yet a good level of development")}"))
                : Html.Empty),
            new("earlyYearsHealth", "earlyYearsChild", "healthVisitingReviews { reviewType reviewDate }", r => Table("Health visiting reviews", ["Review", "Date"],
                Format.List(r, "healthVisitingReviews").Select(h => new[] { Format.Code(Format.Text(h, "reviewType")), Format.Date(Format.Text(h, "reviewDate")) }))),
            new("earlyYearsFunding", "earlyYearsChild", "fundedEntitlements { academicYear term fundedHours }", r => Table("Funded childcare", ["Year", "Term", "Hours"],
                Format.List(r, "fundedEntitlements").Select(f => new[] { Format.Text(f, "academicYear"), Format.Code(Format.Text(f, "term")), Format.Text(f, "fundedHours") }))),
        ]),
        new("social-care", "socialCareChild", "Children's social care",
        [
            new("socialCareChild", "socialCareChild", "personId", r => Rows(("Social care reference", Format.Text(r, "personId")))),
            new("socialCareStatus", "socialCareChild", "childProtectionPlanActive lookedAfterActive", r => Rows(
                ("Child protection plan open", Format.YesNo(Format.Flag(r, "childProtectionPlanActive"))), ("In care", Format.YesNo(Format.Flag(r, "lookedAfterActive"))))),
            new("socialCareAllocations", "socialCareChild", "allocations { workerName jobTitle teamName current }", r => Table("Allocated workers now", ["Worker", "Role", "Team"],
                Format.List(r, "allocations").Where(a => Format.Flag(a, "current") == true).Select(a => new[] { Format.Text(a, "workerName"), Format.Text(a, "jobTitle"), Format.Text(a, "teamName") }))),
            new("socialCareReferrals", "socialCareChild", "referrals { cinReferralDate primaryNeedCode cinClosureDate }", r => Table("Child in need referrals", ["Referred", "Main need", "Closed"],
                Format.List(r, "referrals").Select(c => new[] { Format.Date(Format.Text(c, "cinReferralDate")), Need(Format.Text(c, "primaryNeedCode")), Format.Date(Format.Text(c, "cinClosureDate")) is { Length: > 0 } d ? d : "Open" }))),
            new("socialCareProtection", "socialCareChild", "childProtectionPlans { cppStartDate cppEndDate latestCategoryOfAbuse }", r => Table("Child protection plans", ["Started", "Ended", "Category"],
                Format.List(r, "childProtectionPlans").Select(c => new[] { Format.Date(Format.Text(c, "cppStartDate")), Format.Date(Format.Text(c, "cppEndDate")) is { Length: > 0 } d ? d : "Open", Abuse(Format.Text(c, "latestCategoryOfAbuse")) }))),
            new("socialCareCare", "socialCareChild", "lookedAfterEpisodes { decom dec }", r => Table("Periods in care", ["From", "To"],
                Format.List(r, "lookedAfterEpisodes").Select(c => new[] { Format.Date(Format.Text(c, "decom")), Format.Date(Format.Text(c, "dec")) is { Length: > 0 } d ? d : "Now" }))),
            new("socialCareEarlyHelp", "socialCareChild", "earlyHelpEpisodes { startDate endDate reason }", r => Table("Early help", ["From", "To", "Reason"],
                Format.List(r, "earlyHelpEpisodes").Select(c => new[] { Format.Date(Format.Text(c, "startDate")), Format.Date(Format.Text(c, "endDate")) is { Length: > 0 } d ? d : "Now", Format.Text(c, "reason") }))),
        ]),
        new("voluntary-sector", "vcsParticipant", "Voluntary and community organisations",
        [
            new("vcsParticipant", "vcsParticipant", "participantId", r => Rows(("Participant reference", Format.Text(r, "participantId")))),
            new("vcsEngagements", "vcsParticipant", "engagements { service organisation { name } startDate endDate sessionsAttended }", r => Table("Groups and services", ["Service", "Organisation", "From", "To", "Sessions attended"],
                Format.List(r, "engagements").Select(e => new[] { Format.Code(Format.Text(e, "service")), Format.Object(e, "organisation") is { } o ? Format.Text(o, "name") : "", Format.Date(Format.Text(e, "startDate")), Format.Date(Format.Text(e, "endDate")) is { Length: > 0 } d ? d : "Now", Format.Text(e, "sessionsAttended") }))),
            new("vcsNotes", "vcsParticipant", "keyworkerNotes { noteDate author text }", r => Table("Keyworkers' notes", ["Date", "By", "Note"],
                Format.List(r, "keyworkerNotes").Select(n => new[] { Format.Date(Format.Text(n, "noteDate")), Format.Text(n, "author"), Format.Text(n, "text") }))),
            new("vcsOutcomes", "vcsParticipant", "sdqScores { completedDate totalDifficulties band }", r => Table("Strengths and difficulties questionnaires", ["Date", "Total difficulties", "Band"],
                Format.List(r, "sdqScores").Select(s => new[] { Format.Date(Format.Text(s, "completedDate")), Format.Text(s, "totalDifficulties"), Format.Code(Format.Text(s, "band")) }))),
        ]),
    ];

    /// <summary>The query text, built once.</summary>
    public static string Text { get; } = Build();

    private static string Build()
    {
        var query = new StringBuilder("query ChildView($id: ID!) {\n  child(id: $id) {\n    id forename middleName surname dateOfBirth sex postcode nhsNumber\n");
        query.Append(CultureInfoFree($"    links {{ {LinkFields} }}\n"));
        foreach (var (_, link, key) in Agencies)
        {
            query.Append(CultureInfoFree($"    {key}Voice: {link} {{ voice {{ {VoiceFields} }} }}\n"));
            query.Append(CultureInfoFree($"    {key}Wishes: {link} {{ dataUsePreferences {{ {WishFields} }} }}\n"));
        }

        foreach (var part in Sections.SelectMany(s => s.Parts))
        {
            var alias = part.Alias == part.Link ? part.Link : $"{part.Alias}: {part.Link}";
            query.Append(CultureInfoFree($"    {alias} {{ {part.Selection} }}\n"));
        }

        return query.Append("  }\n}\n").ToString();
    }

    private static string CultureInfoFree(FormattableString text) => FormattableString.Invariant(text);

    private static Html Rows(params (string Name, string? Value)[] rows) => Html.Of($"""
        <table class="summary-list"><tbody>{rows.Where(r => r.Value is { Length: > 0 }).Select(r => Html.Of($"<tr><th scope=\"row\">{r.Name}</th><td>{r.Value}</td></tr>"))}</tbody></table>
        """);

    private static Html Table(string caption, string[] headers, IEnumerable<string?[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return Html.Of($"""<p><strong>{caption}:</strong> none recorded.</p>""");
        }

        return Html.Of($"""
            <table class="table"><caption>{caption}</caption>
            <thead><tr>{headers.Select(h => Html.Of($"<th scope=\"col\">{h}</th>"))}</tr></thead>
            <tbody>{list.Select(r => Html.Of($"<tr>{r.Select(c => Html.Of($"<td>{c}</td>"))}</tr>"))}</tbody>
            </table>
            """);
    }

    private static string Percent(string? rate) =>
        double.TryParse(rate, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r)
            ? (r <= 1 ? r * 100 : r).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : rate ?? "";

    private static string Sen(string? code) => code switch
    {
        "N" => "No special educational needs",
        "K" => "SEN support",
        "E" => "Education, health and care plan",
        _ => code ?? "",
    };

    private static string Exclusion(string? code) => code switch
    {
        "SUSP" => "Suspension",
        "PERM" => "Permanent exclusion",
        _ => Format.Code(code),
    };

    /// <summary>Category of abuse as the children in need census codes it.</summary>
    private static string Abuse(string? code) => code switch
    {
        "EMO" => "Emotional abuse",
        "PHY" => "Physical abuse",
        "SAB" => "Sexual abuse",
        "NEG" => "Neglect",
        "MUL" => "Multiple",
        _ => code ?? "",
    };

    /// <summary>Primary need as the children in need census codes it.</summary>
    private static string Need(string? code) => code switch
    {
        "N0" => "Not stated",
        "N1" => "Abuse or neglect",
        "N2" => "Child's disability or illness",
        "N3" => "Parental disability or illness",
        "N4" => "Family in acute stress",
        "N5" => "Family dysfunction",
        "N6" => "Socially unacceptable behaviour",
        "N7" => "Low income",
        "N8" => "Absent parenting",
        "N9" => "Cases other than children in need",
        _ => code ?? "",
    };
}
