namespace ChildInfo.Subgraphs.Education.Exclusions;

/// <summary>Suspension and permanent exclusion categories and reason codes of the school census.</summary>
public static class ExclusionReasons
{
    public const string Suspension = "SUSPENSION";
    public const string Permanent = "PERMANENT";

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["PP"] = "Physical assault against a pupil",
        ["PA"] = "Physical assault against an adult",
        ["VP"] = "Verbal abuse or threatening behaviour against a pupil",
        ["VA"] = "Verbal abuse or threatening behaviour against an adult",
        ["OW"] = "Use or threat of use of an offensive weapon or prohibited item",
        ["BU"] = "Bullying",
        ["RA"] = "Racist abuse",
        ["LG"] = "Abuse against sexual orientation or gender identity",
        ["DS"] = "Abuse relating to disability",
        ["SM"] = "Sexual misconduct",
        ["DA"] = "Drug and alcohol related",
        ["DM"] = "Damage to property",
        ["TH"] = "Theft",
        ["DB"] = "Persistent or general disruptive behaviour",
        ["MT"] = "Inappropriate use of social media or online technology",
        ["PH"] = "Use or threat of use of a prohibited item or breach of public health guidance",
    };

    /// <summary>Reason codes, in census order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Reasons.Keys];

    public static bool IsKnown(string code) => Reasons.ContainsKey(code);

    public static string MeaningOf(string code) => Reasons.TryGetValue(code, out var meaning) ? meaning : "Unknown reason";
}
