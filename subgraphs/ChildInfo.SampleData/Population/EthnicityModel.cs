namespace ChildInfo.SampleData.Population;

/// <summary>
/// Ethnicity (school census / SSDA903 codes) in proportions close to England's pupils, with the naming tradition
/// and first language (school census codes) that go with it.
/// </summary>
internal static class EthnicityModel
{
    private static readonly Weighted<string> Codes = new(
        ("WBRI", 63.0), ("WIRI", 0.3), ("WIRT", 0.2), ("WROM", 0.7), ("WOTH", 7.0),
        ("MWBC", 1.7), ("MWBA", 0.9), ("MWAS", 1.7), ("MOTH", 2.4),
        ("AIND", 3.6), ("APKN", 4.7), ("ABAN", 1.9), ("AOTH", 2.0),
        ("BCRB", 0.9), ("BAFR", 4.3), ("BOTH", 0.7), ("CHNE", 0.6),
        ("OOTH", 2.2), ("REFU", 0.9), ("NOBT", 0.4));

    private static readonly Weighted<NameGroup> AfricanNames = new((NameGroup.WestAfrican, 0.7), (NameGroup.Somali, 0.3));
    private static readonly Weighted<NameGroup> OtherAsianNames = new((NameGroup.SouthAsianMuslim, 0.5), (NameGroup.Indian, 0.3), (NameGroup.MiddleEastern, 0.2));
    private static readonly Weighted<NameGroup> OtherNames = new((NameGroup.MiddleEastern, 0.7), (NameGroup.British, 0.3));
    private static readonly Weighted<NameGroup> MixedNames = new((NameGroup.British, 0.8), (NameGroup.Caribbean, 0.1), (NameGroup.SouthAsianMuslim, 0.1));

    private static readonly Weighted<string> EasternEuropeanLanguages = new(("POL", 0.45), ("RMN", 0.2), ("LIT", 0.1), ("ENG", 0.2), ("BUL", 0.05));
    private static readonly Weighted<string> PakistaniLanguages = new(("URD", 0.45), ("PNJ", 0.2), ("ENG", 0.35));
    private static readonly Weighted<string> BangladeshiLanguages = new(("BNG", 0.65), ("ENG", 0.35));
    private static readonly Weighted<string> IndianLanguages = new(("PNJ", 0.35), ("GUJ", 0.25), ("TAM", 0.05), ("ENG", 0.35));
    private static readonly Weighted<string> WestAfricanLanguages = new(("ENG", 0.65), ("YOR", 0.2), ("AKA", 0.15));
    private static readonly Weighted<string> MiddleEasternLanguages = new(("ARA", 0.5), ("KUR", 0.3), ("PRS", 0.1), ("ENG", 0.1));
    private static readonly Weighted<string> ChineseLanguages = new(("CHI", 0.6), ("ENG", 0.4));

    public static string PickCode(Random rng) => Codes.Pick(rng);

    public static NameGroup NameGroupFor(string ethnicity, Random rng) => ethnicity switch
    {
        "WIRI" or "WIRT" => NameGroup.Irish,
        "WROM" => NameGroup.Roma,
        "WOTH" => rng.NextDouble() < 0.85 ? NameGroup.EasternEuropean : NameGroup.British,
        "AIND" => NameGroup.Indian,
        "APKN" or "ABAN" => NameGroup.SouthAsianMuslim,
        "AOTH" => OtherAsianNames.Pick(rng),
        "BAFR" => AfricanNames.Pick(rng),
        "BCRB" => NameGroup.Caribbean,
        "BOTH" => rng.NextDouble() < 0.5 ? NameGroup.Caribbean : NameGroup.WestAfrican,
        "CHNE" => NameGroup.Chinese,
        "OOTH" => OtherNames.Pick(rng),
        "MWBC" or "MWBA" or "MWAS" or "MOTH" => MixedNames.Pick(rng),
        _ => NameGroup.British,
    };

    /// <summary>First language (school census codes): ENG, POL, URD, PNJ, BNG, ARA, SOM, RMN, ROM...</summary>
    public static string LanguageFor(string ethnicity, NameGroup names, Random rng) => ethnicity switch
    {
        "WOTH" when names == NameGroup.EasternEuropean => EasternEuropeanLanguages.Pick(rng),
        "WROM" => rng.NextDouble() < 0.5 ? "RMN" : rng.NextDouble() < 0.5 ? "ROM" : "ENG",
        "APKN" => PakistaniLanguages.Pick(rng),
        "ABAN" => BangladeshiLanguages.Pick(rng),
        "AIND" => IndianLanguages.Pick(rng),
        "BAFR" when names == NameGroup.Somali => rng.NextDouble() < 0.7 ? "SOM" : "ENG",
        "BAFR" => WestAfricanLanguages.Pick(rng),
        "CHNE" => ChineseLanguages.Pick(rng),
        "OOTH" or "AOTH" when names == NameGroup.MiddleEastern => MiddleEasternLanguages.Pick(rng),
        "AOTH" when names == NameGroup.SouthAsianMuslim => PakistaniLanguages.Pick(rng),
        _ => "ENG",
    };
}
