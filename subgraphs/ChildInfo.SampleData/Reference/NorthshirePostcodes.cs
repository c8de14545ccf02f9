namespace ChildInfo.SampleData.Reference;

/// <summary>
/// Postcodes in the fictional county of Northshire: UK-shaped (<c>NZ4 7QD</c>) but in the unused <c>NZ</c>
/// area, so no synthetic address is anyone's real one. Districts NZ1–NZ19 belong to the county's towns.
/// </summary>
public static class NorthshirePostcodes
{
    public const int Districts = 19;

    /// <summary>Letters used in the inward code (never C, I, K, M, O or V, as in real postcodes).</summary>
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXY";

    private static readonly string[] DistrictTowns =
    [
        "Northam", "Northam", "Northam", "Northam", "Brackenmoor", "Brackenmoor", "Calderby", "Calderby",
        "Dunmere", "Dunmere", "Fellbridge", "Fellbridge", "Ashcombe", "Ashcombe", "Kelsworth", "Kelsworth",
        "Whitlow", "Whitlow", "Whitlow",
    ];

    /// <summary>The towns, in district order.</summary>
    public static IReadOnlyList<string> Towns { get; } = DistrictTowns.Distinct().ToArray();

    /// <summary>The town a district (1–19) belongs to.</summary>
    public static string TownOf(int district) => DistrictTowns[district - 1];

    /// <summary>A postcode in <paramref name="district"/> (1–19).</summary>
    public static string Create(Random rng, int district)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var sector = rng.Next(0, 10);
        var first = UnitLetters[rng.Next(UnitLetters.Length)];
        var second = UnitLetters[rng.Next(UnitLetters.Length)];
        return district < 10
            ? string.Create(7, (district, sector, first, second), static (s, v) =>
            {
                s[0] = 'N'; s[1] = 'Z'; s[2] = (char)('0' + v.district); s[3] = ' ';
                s[4] = (char)('0' + v.sector); s[5] = v.first; s[6] = v.second;
            })
            : string.Create(8, (district, sector, first, second), static (s, v) =>
            {
                s[0] = 'N'; s[1] = 'Z'; s[2] = (char)('0' + v.district / 10); s[3] = (char)('0' + v.district % 10); s[4] = ' ';
                s[5] = (char)('0' + v.sector); s[6] = v.first; s[7] = v.second;
            });
    }

    /// <summary>A postcode in a random district.</summary>
    public static string Create(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Create(rng, rng.Next(1, Districts + 1));
    }

    /// <summary>The district number of a Northshire postcode, or 0 when it is not one.</summary>
    public static int DistrictOf(string postcode)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        return postcode.StartsWith("NZ", StringComparison.Ordinal) && space > 2 && int.TryParse(postcode.AsSpan(2, space - 2), out var d) ? d : 0;
    }
}
