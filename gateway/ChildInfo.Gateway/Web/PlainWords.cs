using System.Text;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The practitioner pages' words for what the API says in codes: why something was withheld, agencies, fields,
/// purposes, roles and recorded wishes. Nothing here decides anything; it only says in plain English what the
/// gateway decided. A code it does not know still gets a sentence, never the code.
/// </summary>
public static class PlainWords
{
    private static readonly Dictionary<string, string> Agencies = new(StringComparer.Ordinal)
    {
        ["child-index"] = "the child index",
        ["education"] = "schools and education services",
        ["early-years"] = "early years services",
        ["social-care"] = "children's social care",
        ["voluntary-sector"] = "voluntary and community organisations",
        ["youth-justice"] = "youth justice services",
        ["health"] = "health services",
        ["local-authority"] = "the local authority",
        ["research"] = "researchers",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["pupil"] = "the school record",
        ["Pupil"] = "the school record",
        ["EarlyYearsChild"] = "the early years record",
        ["SocialCareChild"] = "the children's social care record",
        ["VcsParticipant"] = "the voluntary and community organisations' record",
        ["earlyYearsChild"] = "the early years record",
        ["socialCareChild"] = "the children's social care record",
        ["vcsParticipant"] = "the voluntary and community organisations' record",
        ["youthJustice"] = "the youth justice record",
        ["voice"] = "what the child has said in their own words",
        ["dataUsePreferences"] = "the child's and family's wishes about their information",
        ["childProtectionPlans"] = "child protection plans",
        ["section47Enquiries"] = "section 47 enquiries",
        ["referrals"] = "child in need referrals",
        ["lookedAfterEpisodes"] = "periods in care",
        ["earlyHelpEpisodes"] = "early help support",
        ["keyworkerNotes"] = "keyworkers' notes",
        ["attendance"] = "termly attendance",
        ["attendanceYears"] = "yearly attendance",
        ["persistentlyAbsent"] = "whether the child is persistently absent",
        ["senNeeds"] = "special educational needs",
        ["senProvision"] = "special educational needs support",
        ["fsmEligible"] = "free school meals",
        ["exclusions"] = "suspensions and exclusions",
        ["enrolments"] = "schools attended",
        ["engagements"] = "groups and services the child goes to",
        ["healthVisitingReviews"] = "health visiting reviews",
        ["eyfsProfile"] = "early years foundation stage profile",
        ["settings"] = "early years settings attended",
        ["fundedEntitlements"] = "funded childcare",
        ["childProtectionPlanActive"] = "whether a child protection plan is open",
        ["lookedAfterActive"] = "whether the child is in care",
        ["allocations"] = "allocated workers",
        ["upn"] = "unique pupil number",
        ["nhsNumber"] = "NHS number",
        ["dateOfBirth"] = "date of birth",
        ["child"] = "the child's record",
        ["searchChildren"] = "the search",
    };

    private static readonly Dictionary<string, string> PreferenceCodes = new(StringComparer.Ordinal)
    {
        ["NO_RESEARCH_USE"] = "not to be used for research",
        ["NOT_WITH_EDUCATION"] = "not to be shared with schools and education services",
        ["NOT_WITH_SOCIAL_CARE"] = "not to be shared with children's social care",
        ["NOT_WITH_VOLUNTARY_SECTOR"] = "not to be shared with voluntary and community organisations",
        ["NOT_WITH_EARLY_YEARS"] = "not to be shared with early years services",
    };

    private static readonly Dictionary<string, string> PreferenceCategories = new(StringComparer.Ordinal)
    {
        ["ALL"] = "everything in this record",
        ["VOICE"] = "what the child has said",
        ["NOTES"] = "keyworkers' notes",
        ["HEALTH"] = "health and development information",
        ["ENGAGEMENTS"] = "the groups and services the child goes to",
    };

    public static string Agency(string? agency) =>
        agency is not null && Agencies.TryGetValue(agency, out var name) ? name : agency is null ? "another service" : Humanise(agency);

    /// <summary>A field coordinate such as <c>SocialCareChild.childProtectionPlans</c> in words.</summary>
    public static string Field(string? coordinate)
    {
        if (string.IsNullOrEmpty(coordinate))
        {
            return "this information";
        }

        var name = coordinate[(coordinate.LastIndexOf('.') + 1)..];
        return Fields.TryGetValue(name, out var words) ? words : Humanise(name);
    }

    /// <summary>"camelCase" or "snake_case" as lower-case words.</summary>
    public static string Humanise(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c is '_' or '-')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(char.ToLowerInvariant(c));
            }
        }

        return words.ToString();
    }

    /// <summary>A role's description as a phrase ("a school's designated safeguarding lead").</summary>
    public static string Role(PolicySet? set, string? role)
    {
        if (role is null)
        {
            return "your role";
        }

        return set?.Roles.TryGetValue(role, out var r) == true ? Phrase(r.Description) : Humanise(role);
    }

    /// <summary>A purpose's description as a phrase ("enquiring into and acting on suspected significant harm").</summary>
    public static string Purpose(PolicySet? set, string? purpose)
    {
        if (purpose is null)
        {
            return "no purpose";
        }

        return set?.Purposes.TryGetValue(purpose, out var p) == true ? Phrase(p.Description) : Humanise(purpose);
    }

    /// <summary>A short name for a purpose ("child protection").</summary>
    public static string PurposeName(string? purpose) => purpose is null ? "no purpose" : Capitalise(Humanise(purpose));

    public static string Label(PolicySet? set, string? label) =>
        label is not null && set?.Labels.TryGetValue(label, out var l) == true ? Phrase(l.Description) : label is null ? "this kind of information" : Humanise(label);

    public static string Preference(string code) => PreferenceCodes.TryGetValue(code, out var words) ? words : Humanise(code);

    public static string PreferenceCategory(string category) => PreferenceCategories.TryGetValue(category, out var words) ? words : Humanise(category);

    public static string ExpressedBy(string? who) => who switch
    {
        "CHILD" => "the child",
        "PARENT" => "a parent or carer",
        "YOUNG_PERSON" => "the young person",
        null or "" => "someone",
        _ => Humanise(who),
    };

    /// <summary>Where a record scope reaches, as the end of "This child is not ...".</summary>
    public static string Scope(string? scope) => scope switch
    {
        "own_caseload" => "on your caseload or your team's",
        "own_school_roll" => "on your school's roll",
        "own_setting" => "at your early years setting",
        "own_organisation" => "known to your organisation",
        _ => "among the children your role covers",
    };

    /// <summary>
    /// Why something was withheld, as a sentence to show after the name of what was withheld; role and purpose are
    /// the caller's.
    /// </summary>
    public static string WhyWithheld(PolicySet? set, string? code, string? label, string? scope, string? agency, string? purpose) => code switch
    {
        "LABEL_DENIED" => $"The rules for {Purpose(set, purpose)} do not allow sharing {Label(set, label)} with your role.",
        "LABEL_NOT_VISIBLE" => $"It is not needed for {Purpose(set, purpose)}, so the rules leave out {Label(set, label)}.",
        "LINK_NOT_ALLOWED" => $"Nothing from {Agency(agency)} is joined to this view for {Purpose(set, purpose)}, not even whether they hold a record.",
        "LINK_UNKNOWN" => "The rules do not say that this service's records may be joined to this view.",
        "OUTSIDE_SCOPE" => $"This child is not {Scope(scope)}, so nothing about them is shown.",
        "PREFERENCE_WITHHELD" => $"The child or their family asked {Agency(agency)} for this not to be shared, and the rules for {Purpose(set, purpose)} respect that wish.",
        "PREFERENCES_UNAVAILABLE" => $"The child's wishes about sharing could not be read from {Agency(agency)}, so the record is kept back to be safe.",
        "AGGREGATE_ONLY" => $"{Capitalise(Purpose(set, purpose))} uses only counts across many children, so no individual child's details are shown.",
        "FIELD_UNCLASSIFIED" => "The rules have not yet said what kind of information this is, so it is never shared.",
        "RECORDING_NOT_ALLOWED" => $"The rules for {Purpose(set, purpose)} do not let your role record {Label(set, label)} on a child's behalf.",
        "SUBREQUEST_HTTP_ERROR" or "SUBREQUEST_TIMEOUT" or "SUBREQUEST_MALFORMED_RESPONSE" or "SUBGRAPH_ERROR"
            => $"{Capitalise(Agency(agency))} did not answer just now. Try again later.",
        _ => "It could not be shown.",
    };

    /// <summary>Why a whole request was refused (purpose, justification, break-glass, sign-in), in words.</summary>
    public static string WhyRefused(PolicySet? set, string? code, string? role, string? purpose) => code switch
    {
        "UNAUTHENTICATED" => "You are not signed in, or your sign-in has expired. Sign in again.",
        "PURPOSE_REQUIRED" => "Choose what you are doing (your purpose) before looking at children's information.",
        "PURPOSE_NOT_ALLOWED" => $"{Capitalise(Role(set, role))} may not look at children's information for {Purpose(set, purpose)}.",
        "JUSTIFICATION_REQUIRED" => $"{Capitalise(Purpose(set, purpose))} needs a reason or case reference. Add one on the purpose page.",
        "BREAK_GLASS_NOT_ALLOWED" => "Emergency access is not allowed for your role and purpose.",
        "ROLE_REQUIRED" or "ROLE_NOT_HELD" or "UNKNOWN_ROLE" => "Your account does not hold a role this service knows. Ask your administrator.",
        "AGGREGATE_ONLY" => $"{Capitalise(Purpose(set, purpose))} uses only counts across many children, so no individual child's details are shown.",
        "RATE_LIMITED" => "Too many requests in a short time. Wait a minute and try again.",
        "RECORDING_NOT_ALLOWED" => $"The rules for {Purpose(set, purpose)} do not let {Role(set, role)} record anything on a child's behalf.",
        "SEARCH_TOO_BROAD" => "Give at least a surname or a date of birth.",
        "BAD_USER_INPUT" => "Something in the search is not in the right form: a date of birth is written as day, month and year.",
        "POLICIES_UNAVAILABLE" => "The service cannot check its rules just now, so it shows nothing. Try again later.",
        _ => "The request could not be completed.",
    };

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A policy description as a phrase: first letter lower-cased, a trailing "(...)" and full stop dropped.</summary>
    public static string Phrase(string description)
    {
        var text = description.Trim().TrimEnd('.');
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open)
        {
            text = text[..open];
        }

        if (text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return text;
    }
}
