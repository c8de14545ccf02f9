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
    };

    public static string Purpose(string purpose) => Purposes.TryGetValue(purpose, out var text) ? text : $"for {Spell(purpose)}";

    public static string Label(string label) => Labels.TryGetValue(label, out var text) ? text : Spell(label);

    public static string Source(string source) => Spell(source);

    public static string Role(string role) => Spell(role);

    /// <summary>The policy's own plain reason when it gave one, else the code in words.</summary>
    public static string Reason(string code, string reason) =>
        Reasons.TryGetValue(code, out var text) ? text : reason.Length > 0 ? reason : $"because of a rule ({Spell(code)})";

    public static string Times(int count) => count == 1 ? "once" : count == 2 ? "twice" : $"{count} times";

    public static string Spell(string code) => code.Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();
}
