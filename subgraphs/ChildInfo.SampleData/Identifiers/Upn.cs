using System.Globalization;

namespace ChildInfo.SampleData.Identifiers;

/// <summary>
/// Unique Pupil Number: 13 characters, a check letter then 12 digits (LA code in 2–4, establishment in 5–8,
/// year and serial after). Check letter = Σ(digit at position i × i, i = 2..13) mod 23 into ABCDEFGHJKLMNPQRTUVWXYZ.
/// </summary>
public static class Upn
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static string Create(int laCode, int establishment, int allocationYear, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{laCode:000}{establishment % 10000:0000}{allocationYear % 100:00}{serial % 1000:000}");
        return CheckLetter(digits) + digits;
    }

    public static char CheckLetter(string twelveDigits)
    {
        ArgumentNullException.ThrowIfNull(twelveDigits);
        if (twelveDigits.Length != 12)
        {
            throw new ArgumentException("A UPN has twelve characters after its check letter.", nameof(twelveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelveDigits[i];
            // A temporary UPN ends in a letter, which counts by its position in the check alphabet.
            var value = char.IsDigit(c) ? c - '0' : CheckLetters.IndexOf(c, StringComparison.Ordinal);
            sum += value * (i + 2);
        }
        return CheckLetters[sum % 23];
    }

    public static bool IsValid(string? upn) =>
        upn is { Length: 13 } && upn[1..12].All(char.IsDigit) && CheckLetter(upn[1..]) == upn[0];
}
