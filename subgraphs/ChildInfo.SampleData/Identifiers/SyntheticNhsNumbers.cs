namespace ChildInfo.SampleData.Identifiers;

/// <summary>
/// Hands out distinct NHS numbers from the never-issued 999 range: child <c>n</c> gets the n-th usable serial
/// under a seed-dependent permutation. The range holds about 909,000 usable numbers; children beyond that get
/// none (as some real children have no NHS number on a record).
/// </summary>
public sealed class SyntheticNhsNumbers
{
    private static readonly Lazy<int[]> UsableSerials = new(FindUsableSerials);

    private readonly long _a;
    private readonly long _b;

    public SyntheticNhsNumbers(int seed)
    {
        var usable = UsableSerials.Value.Length;
        var rng = new Random(seed ^ 0x0A5A5A5);
        long a;
        do
        {
            a = rng.Next(usable / 3, usable - 1);
        }
        while (Gcd(a, usable) != 1);
        _a = a;
        _b = rng.Next(0, usable);
    }

    /// <summary>How many distinct numbers exist.</summary>
    public static int Capacity => UsableSerials.Value.Length;

    /// <summary>The number for the child at <paramref name="sequence"/>, or null when the range is used up.</summary>
    public string? For(int sequence)
    {
        var serials = UsableSerials.Value;
        if (sequence < 0 || sequence >= serials.Length)
        {
            return null;
        }

        var index = (int)((_a * sequence + _b) % serials.Length);
        return NhsNumber.TryCreateSynthetic(serials[index]);
    }

    private static int[] FindUsableSerials()
    {
        var list = new List<int>(NhsNumber.SyntheticSerials);
        for (var serial = 0; serial < NhsNumber.SyntheticSerials; serial++)
        {
            // Same rule as NhsNumber.CheckDigit without building a string per serial.
            var sum = 9 * 10 + 9 * 9 + 9 * 8;
            var rest = serial;
            for (var position = 8; position >= 3; position--)
            {
                sum += (rest % 10) * (10 - position);
                rest /= 10;
            }
            if (11 - (sum % 11) != 10)
            {
                list.Add(serial);
            }
        }
        return [.. list];
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
