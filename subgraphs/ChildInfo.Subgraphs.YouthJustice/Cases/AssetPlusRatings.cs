namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// The three judgements an AssetPlus assessment (the YJB's assessment and planning framework) concludes with:
/// likelihood of reoffending (low, medium, high), risk of serious harm to others (low, medium, high, very high) and
/// concerns for the child's own safety and wellbeing (low, medium, high, very high; HM Inspectorate of Probation
/// reports "high/very high" safety and wellbeing classifications).
/// </summary>
public static class AssetPlusRatings
{
    public const string Low = "LOW";
    public const string Medium = "MEDIUM";
    public const string High = "HIGH";
    public const string VeryHigh = "VERY_HIGH";

    public static readonly IReadOnlyList<string> LikelihoodOfReoffending = [Low, Medium, High];

    public static readonly IReadOnlyList<string> RiskOfSeriousHarm = [Low, Medium, High, VeryHigh];

    public static readonly IReadOnlyList<string> SafetyAndWellbeing = [Low, Medium, High, VeryHigh];
}
