namespace ChildInfo.SampleData.Identifiers;

/// <summary>
/// NHS number: ten digits, the last a modulus-11 check digit (weights 10..2; 11 → 0; 10 is invalid).
/// Synthetic numbers come only from the never-issued range 999 000 0000 – 999 999 9999.
/// </summary>
public static class NhsNumber
{
    /// <summary>Serials available: 999 followed by six digits.</summary>
    public const int SyntheticSerials = 1_000_000;

    /// <summary>
    /// The synthetic number for <paramref name="serial"/> (0–999,999), or null where that serial has no valid
    /// check digit (about one in eleven): a distinct serial always gives a distinct number.
    /// </summary>
    public static string? TryCreateSynthetic(int serial)
    {
        if (serial is < 0 or >= SyntheticSerials)
        {
            return null;
        }

        var nine = "999" + serial.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var check = CheckDigit(nine);
        return check < 0 ? null : nine + (char)('0' + check);
    }

    /// <summary>Check digit for nine digits, or -1 where no valid number exists.</summary>
    public static int CheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch { 11 => 0, 10 => -1, _ => check };
    }

    public static bool IsValid(string? number) =>
        number is { Length: 10 } && number.All(char.IsDigit) && CheckDigit(number[..9]) == number[9] - '0';

    public static bool IsSynthetic(string? number) => IsValid(number) && number!.StartsWith("999", StringComparison.Ordinal);
}
