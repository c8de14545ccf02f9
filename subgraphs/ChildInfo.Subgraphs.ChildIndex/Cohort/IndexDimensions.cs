using System.Collections.Frozen;
using System.Globalization;

namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>
/// The child index's own dimensions: age band, sex, ethnic group and where the child lives (ward, LSOA, the LSOA's
/// IDACI decile). A child whose value is missing is in the group <see cref="Unknown"/>.
/// </summary>
public static class IndexDimensions
{
    /// <summary>The group of a child whose value the index does not hold.</summary>
    public const string Unknown = "Unknown";

    /// <summary>The DfE's age bands for children's social care statistics.</summary>
    public static readonly string[] AgeBands = ["under 1", "1-4", "5-9", "10-15", "16-17"];

    /// <summary>The major ethnic groups (DfE), from the census ethnicity codes.</summary>
    public static readonly string[] EthnicityGroups = ["White", "Mixed", "Asian", "Black", "Other", Unknown];

    public static IReadOnlyList<IndexDimension> All { get; } =
    [
        new("age_band", "demographic", "Age on the day, in the DfE's bands: under 1, 1-4, 5-9, 10-15, 16-17.", AgeBands, null, (c, on) => AgeBand(AgeOn(c.Dob, on))),
        new("sex", "identifying", "Sex as the index records it: M, F, or U when unknown.", ["F", "M", "U"], "c.sex", (c, _) => c.Sex is "M" or "F" ? c.Sex : "U"),
        new("ethnicity_group", "special_category", "Major ethnic group (White, Mixed, Asian, Black, Other; Unknown when refused or not obtained).",
            EthnicityGroups, "c.ethnicity", (c, _) => EthnicityGroup(c.Ethnicity)),
        new("ward", "contact", "The electoral ward of the child's home postcode.", [], "g.ward_name", (c, _) => c.WardName ?? Unknown) { GeographyColumn = "ward_name" },
        new("lsoa", "contact", "The lower layer super output area of the child's home postcode.", [], "g.lsoa_name", (c, _) => c.LsoaName ?? Unknown) { GeographyColumn = "lsoa_name" },
        new("idaci_decile", "contact", "The IDACI decile of the home postcode's LSOA (1 the most deprived tenth of England's areas, 10 the least).",
            [.. Enumerable.Range(1, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)), Unknown], "g.idaci_decile",
            (c, _) => c.IdaciDecile is { } d ? d.ToString(CultureInfo.InvariantCulture) : Unknown),
    ];

    private static readonly FrozenDictionary<string, IndexDimension> ByName = All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The dimension called <paramref name="name"/>, or null.</summary>
    public static IndexDimension? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Age in whole years on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return on < dob.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The DfE age band of an age under 18.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 1 => "under 1",
        <= 4 => "1-4",
        <= 9 => "5-9",
        <= 15 => "10-15",
        _ => "16-17",
    };

    /// <summary>The major group of a census ethnicity code (WBRI, MWBC, APKN, BAFR, CHNE, OOTH...); Unknown for REFU, NOBT or none.</summary>
    public static string EthnicityGroup(string? code) => code switch
    {
        null or "" or "REFU" or "NOBT" => Unknown,
        // The census's Chinese group is counted with Asian, as the ONS's harmonised major groups do.
        "CHNE" => "Asian",
        _ => code[0] switch
        {
            'W' => "White",
            'M' => "Mixed",
            'A' => "Asian",
            'B' => "Black",
            'O' => "Other",
            _ => Unknown,
        },
    };
}
