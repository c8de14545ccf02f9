namespace ChildInfo.Subgraphs.Education.Sen;

/// <summary>SEN provision and SEN type codes of the school census.</summary>
public static class SenCodes
{
    /// <summary>E EHC plan, K SEN support, N no special educational need.</summary>
    public static readonly IReadOnlyList<string> Provision = ["E", "K", "N"];

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["SPLD"] = "Specific learning difficulty",
        ["MLD"] = "Moderate learning difficulty",
        ["SLD"] = "Severe learning difficulty",
        ["PMLD"] = "Profound and multiple learning difficulty",
        ["SEMH"] = "Social, emotional and mental health",
        ["SLCN"] = "Speech, language and communication needs",
        ["HI"] = "Hearing impairment",
        ["VI"] = "Visual impairment",
        ["MSI"] = "Multi-sensory impairment",
        ["PD"] = "Physical disability",
        ["ASD"] = "Autistic spectrum disorder",
        ["OTH"] = "Other difficulty or disability",
        ["NSA"] = "SEN support but no specialist assessment of type of need",
    };

    public static IReadOnlyList<string> TypeCodes { get; } = [.. Types.Keys];

    public static string MeaningOf(string type) => Types.TryGetValue(type, out var meaning) ? meaning : "Unknown SEN type";
}
