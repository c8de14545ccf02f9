namespace ChildInfo.Audit.Transparency;

/// <summary>
/// Plain English for the codes a record carries (purposes, labels, roles, reasons), so a child or family can read a
/// report without knowing them. Unknown codes are spelled out from their words rather than hidden.
/// </summary>
public static class PlainWords
{
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["child_protection"] = "to keep you safe from harm (child protection)",
        ["child_in_need"] = "to plan support for you and your family (child in need)",
        ["early_help"] = "to offer your family early help",
        ["education_welfare"] = "to support your school attendance and education",
        ["health_visiting"] = "for health visiting",
        ["service_planning"] = "to plan local services (counts only, not about you alone)",
        ["research"] = "for research (counts only, not about you alone)",
        ["subject_access"] = "to answer a request to see your own information",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["social_worker"] = "a social worker",
        ["team_manager"] = "a social work team manager",
        ["school_dsl"] = "the safeguarding lead at a school",
        ["education_welfare_officer"] = "an education welfare officer",
        ["early_help_worker"] = "an early help worker",
        ["early_years_practitioner"] = "a key person at an early years setting",
        ["vcs_keyworker"] = "a keyworker at a community organisation",
        ["health_visitor"] = "a health visitor",
        ["la_analyst"] = "an analyst at the council",
        ["data_protection_officer"] = "the data protection officer",
        ["researcher"] = "a researcher",
        ["system_owner"] = "someone who runs the system",
    };

    private static readonly Dictionary<string, string> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["child-index"] = "the council's list of children it knows",
        ["education"] = "school records",
        ["early-years"] = "early years and health visiting records",
        ["social-care"] = "children's social care records",
        ["voluntary-sector"] = "community and voluntary organisations' records",
        ["youth-justice"] = "youth justice records",
        ["gateway"] = "the system that joins records together",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["identifying"] = "details that identify you, such as your name and date of birth",
        ["contact"] = "contact details, such as your address",
        ["attendance"] = "your school attendance",
        ["attainment"] = "your school results",
        ["protection"] = "child protection information",
        ["health"] = "health information",
        ["voice"] = "what you have said about your views, wishes and feelings",
        ["special_category"] = "sensitive information (such as ethnicity, religion or health)",
        ["special category"] = "sensitive information (such as ethnicity, religion or health)",
        ["linkage"] = "how your records in different services are linked",
        ["care"] = "information about care and placements",
        ["engagement"] = "your involvement with community organisations",
        ["demographic"] = "details such as your age group and ethnicity",
        ["lookup"] = "a search for your record",
        ["reference"] = "reference numbers for your records",
        ["workforce"] = "who works with you",
        ["enrolment"] = "which school or setting you go to",
        ["attendance_summary"] = "a summary of your school attendance",
        ["exclusion"] = "any exclusions from school",
        ["sen"] = "special educational needs support",
        ["fsm"] = "free school meals",
        ["funding"] = "funded early education",
        ["development"] = "how you are developing in the early years",
        ["status_flag"] = "whether you have a child protection plan or are looked after",
        ["cin"] = "support as a child in need",
        ["early_help"] = "early help support",
        ["outcome"] = "how support worked out",
        ["notes"] = "workers' notes",
        ["preference"] = "your and your family's wishes about sharing",
        ["criminal_offence"] = "youth justice information",
    };

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PREFERENCE_WITHHELD"] = "because you or your family asked for it not to be shared for this reason",
        ["LABEL_NOT_VISIBLE"] = "because their role does not allow them to see it for this reason",
        ["LABEL_DENIED"] = "because the rules forbid sharing it for this reason",
        ["LINK_NOT_ALLOWED"] = "because they were not allowed to look at that service's records for this reason",
        ["AGGREGATE_ONLY"] = "because this reason only allows counts, not information about one child",
        ["FIELD_UNCLASSIFIED"] = "because it has not been classified, and unclassified information is never shared",
        ["PURPOSE_NOT_ALLOWED"] = "because their role may not use this reason",
        ["JUSTIFICATION_REQUIRED"] = "because they did not say why they needed it",
        ["BREAK_GLASS_NOT_ALLOWED"] = "because emergency access is not allowed here",
        [OutsideScopeCode] = "because you are not one of the children they work with",
        ["CONTEXT_LABEL_NOT_ALLOWED"] = "because the service holding it checked the rules again and refused",
        ["SUBGRAPH_UNAVAILABLE"] = "because that service was not answering",
        ["SUBREQUEST_TIMEOUT"] = "because that service did not answer in time",
        ["SUBREQUEST_HTTP_ERROR"] = "because that service had a problem",
    };

    /// <summary>The code of a record withheld because the child is outside the caller's record scope.</summary>
    public const string OutsideScopeCode = "OUTSIDE_SCOPE";

    public static string Purpose(string purpose) =>
        purpose is null or "" or Records.AuditPurposes.None ? "without saying why"
            : Purposes.TryGetValue(purpose, out var text) ? text : $"for {Spell(purpose)}";

    /// <summary>Who asked, as a sentence's subject: "W0022 (a social worker at Northshire Children's Services)".</summary>
    public static string Who(string user, string role, string organisation)
    {
        if (user is null or "" or Records.AuditCallers.Unidentified)
        {
            return "someone who could not be identified";
        }

        var at = organisation is null or "" or Records.AuditCallers.Unidentified ? "" : $" at {organisation}";
        return role is null or "" or Records.AuditCallers.Unidentified ? $"{user} (someone{at})" : $"{user} ({Role(role)}{at})";
    }

    private static readonly Dictionary<string, string> Recordings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["voice"] = "what you said about your views, wishes and feelings",
        ["preference"] = "a wish of yours or your family's about how your information is shared",
    };

    /// <summary>What was recorded on the child's behalf, by the recording's label: "what you said about your views…".</summary>
    public static string Recording(string label) => Recordings.TryGetValue(label, out var text) ? text : Label(label);

    public static string Label(string label) => Labels.TryGetValue(label, out var text) ? text : Spell(label);

    public static string Source(string source) => Sources.TryGetValue(source.Replace('_', '-'), out var text) ? text : Spell(source);

    public static string Role(string role) => Roles.TryGetValue(role, out var text) ? text : $"someone working as {Spell(role)}";

    /// <summary>The policy's own plain reason when it gave one, else the code in words.</summary>
    public static string Reason(string code, string reason) =>
        Reasons.TryGetValue(code, out var text) ? text : reason.Length > 0 ? reason.TrimEnd('.') : $"because of a rule ({Spell(code)})";

    public static string Times(int count) => count == 1 ? "once" : count == 2 ? "twice" : $"{count} times";

    public static string Spell(string code) => code.Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();
}
