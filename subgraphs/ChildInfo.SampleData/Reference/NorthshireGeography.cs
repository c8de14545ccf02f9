using System.Globalization;

namespace ChildInfo.SampleData.Reference;

/// <summary>One postcode's place in the fictional county's geography, as a row of <c>ci_postcode_geography</c>.</summary>
public sealed record PostcodeGeography(string Postcode, string Lsoa, string LsoaName, string Ward, string WardName, int IdaciDecile);

/// <summary>
/// Wards and LSOAs for Northshire's postcodes (<see cref="NorthshirePostcodes"/>), fictional but shaped like the
/// real ones: each district's ten sectors fall into three wards (sectors 0–3, 4–6, 7–9) named after its town; each
/// sector holds three LSOAs (<c>Northshire 042B</c>), whose IDACI deciles spread round the sector's own level.
/// Codes sit in ranges no real area uses (<c>E0599…</c> wards, <c>E0199…</c> LSOAs). Which of its sector's LSOAs a
/// postcode falls in follows who lives there: a low-income household's postcode is most often in the sector's most
/// deprived LSOA, so that area deprivation goes with the households' own as it does in England. Everything is a
/// function of the postcode, the household's income and the seed, so a seed always gives the same geography.
/// </summary>
public static class NorthshireGeography
{
    private const int LsoasPerSector = 3;

    private static readonly string[] WardSuffixes =
        ["Central", "Castle", "Abbey", "Park", "North", "South", "East", "West", "Bridge", "Green", "Moor", "Hill"];

    /// <summary>The ward (code, name) of <paramref name="district"/>'s sector <paramref name="sector"/>.</summary>
    public static (string Code, string Name) WardOf(int district, int sector)
    {
        var wardInDistrict = sector <= 3 ? 0 : sector <= 6 ? 1 : 2;
        var town = NorthshirePostcodes.TownOf(district);
        var firstDistrictOfTown = Enumerable.Range(1, district).First(d => NorthshirePostcodes.TownOf(d) == town);
        var wardInTown = ((district - firstDistrictOfTown) * 3) + wardInDistrict;
        return (string.Create(CultureInfo.InvariantCulture, $"E0599{district:00}{wardInDistrict + 1:00}"), $"{town} {WardSuffixes[wardInTown]}");
    }

    /// <summary>The IDACI decile of the sector's middle LSOA (1 most deprived ... 10 least), fixed for the sector.</summary>
    public static int SectorDecile(int district, int sector) => 1 + (int)(Fnv1a($"NZ{district}-{sector}") % 10);

    /// <summary>
    /// The LSOA (code, name, IDACI decile) <paramref name="index"/> (0 the most deprived ... 2 the least) of the sector.
    /// </summary>
    public static (string Code, string Name, int Decile) LsoaOf(int district, int sector, int index)
    {
        var msoa = ((district - 1) * 10) + sector + 1;
        var decile = Math.Clamp(SectorDecile(district, sector) + ((index - 1) * 2), 1, 10);
        return (string.Create(CultureInfo.InvariantCulture, $"E0199{district:00}{sector}{index + 1}"),
            string.Create(CultureInfo.InvariantCulture, $"Northshire {msoa:000}{(char)('A' + index)}"), decile);
    }

    /// <summary>
    /// Where <paramref name="postcode"/> lies; null when it is not a Northshire postcode. A low-income household's
    /// postcode is in the sector's most deprived LSOA seven times in ten, anyone else's once or twice in ten.
    /// </summary>
    public static PostcodeGeography? Place(string postcode, bool lowIncome, int seed)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        var district = NorthshirePostcodes.DistrictOf(postcode);
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        if (district == 0 || space + 1 >= postcode.Length || !char.IsAsciiDigit(postcode[space + 1]))
        {
            return null;
        }

        var sector = postcode[space + 1] - '0';
        var draw = (Fnv1a(string.Create(CultureInfo.InvariantCulture, $"{seed}/{postcode}")) % 1000) / 1000.0;
        var index = lowIncome ? (draw < 0.70 ? 0 : draw < 0.90 ? 1 : 2) : (draw < 0.15 ? 0 : draw < 0.50 ? 1 : 2);
        var (lsoa, lsoaName, decile) = LsoaOf(district, sector, index);
        var (ward, wardName) = WardOf(district, sector);
        return new PostcodeGeography(postcode, lsoa, lsoaName, ward, wardName, decile);
    }

    /// <summary>Every LSOA of the county (for reference lists and tests).</summary>
    public static IEnumerable<(string Code, string Name, int Decile)> AllLsoas() =>
        from district in Enumerable.Range(1, NorthshirePostcodes.Districts)
        from sector in Enumerable.Range(0, 10)
        from index in Enumerable.Range(0, LsoasPerSector)
        select LsoaOf(district, sector, index);

    /// <summary>A stable string hash (FNV-1a): the same on every run and machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
