using System.Globalization;

namespace ChildInfo.SampleData.Identifiers;

/// <summary>
/// Each agency's own record number for a child: early years <c>EY</c> + 7 digits, social care's LA child id
/// <c>LA</c> + 7 digits, the voluntary sector's <c>VCS-</c> + 7 digits. A different affine permutation of the
/// sequence per agency, so the numbers are unique within an agency and do not line up across agencies.
/// </summary>
public sealed class LocalIds
{
    private const int Modulus = 10_000_000;

    private readonly (long A, long B) _earlyYears;
    private readonly (long A, long B) _socialCare;
    private readonly (long A, long B) _voluntary;

    public LocalIds(int seed)
    {
        var rng = new Random(seed ^ 0x5EED1D5);
        _earlyYears = Draw(rng);
        _socialCare = Draw(rng);
        _voluntary = Draw(rng);
    }

    public string EarlyYears(int sequence) => "EY" + Map(_earlyYears, sequence);

    public string SocialCare(int sequence) => "LA" + Map(_socialCare, sequence);

    public string VoluntarySector(int sequence) => "VCS-" + Map(_voluntary, sequence);

    private static string Map((long A, long B) f, int sequence) =>
        ((f.A * sequence + f.B) % Modulus).ToString("0000000", CultureInfo.InvariantCulture);

    private static (long, long) Draw(Random rng)
    {
        // A multiplier coprime to 10^7 (odd, not a multiple of 5) makes the map a bijection on 0..10^7-1.
        long a;
        do
        {
            a = rng.Next(1_000_001, Modulus);
        }
        while (a % 2 == 0 || a % 5 == 0);
        return (a, rng.Next(0, Modulus));
    }
}
