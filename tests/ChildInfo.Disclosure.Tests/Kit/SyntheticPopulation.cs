using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure.Tests.Kit;

/// <summary>One synthetic child: what an attacker might know (ward, age band, sex, referral day) and what they want (need).</summary>
internal sealed record SyntheticChild(string Key, int RecordKey, int Ward, int AgeBand, int Sex, int ReferralDay, int Need, double Attendance);

/// <summary>
/// A synthetic children-in-need population for attack tests: 20 wards, 4 age bands, 2 sexes, referral days over a year,
/// and a primary need (the attribute the attacker wants) with the skew of the CIN census (abuse or neglect most common).
/// </summary>
internal sealed class SyntheticPopulation
{
    public static readonly Dimension Needs = new("need", ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]);
    public static readonly Dimension Sexes = new("sex", ["F", "M"]);

    private static readonly double[] NeedShares = [0.55, 0.1, 0.04, 0.12, 0.1, 0.04, 0.02, 0.03];

    public SyntheticPopulation(int size, int seed, RecordKeys keys)
    {
        var random = new Random(seed);
        Children = [.. Enumerable.Range(0, size).Select(i =>
        {
            var key = $"P-{seed}-{i:D6}";
            return new SyntheticChild(key, keys.For(key), random.Next(20), random.Next(4), random.Next(2), random.Next(365), Pick(random), Math.Round(70 + (30 * random.NextDouble()), 1));
        })];
    }

    public IReadOnlyList<SyntheticChild> Children { get; }

    /// <summary>
    /// The exact table of a cohort by need (and by sex when asked), as the gateway would count it: the same counts and
    /// cell keys as <see cref="CountTableBuilder"/> gives (a test checks that), without hashing every child again.
    /// </summary>
    public static CountTable Count(IEnumerable<SyntheticChild> cohort, bool bySex = false, int linkedAgencies = 1)
    {
        int rows = Needs.Categories.Count, columns = bySex ? 2 : 1;
        var counts = new long[rows, columns];
        var keys = new int[rows, columns];
        foreach (var child in cohort)
        {
            var c = bySex ? child.Sex : 0;
            counts[child.Need, c]++;
            keys[child.Need, c] = CellKey.Combine(keys[child.Need, c], child.RecordKey);
        }
        CountCell Sum(IEnumerable<(int R, int C)> positions) => positions.Aggregate(new CountCell(0, 0), (s, p) => new CountCell(s.Count + counts[p.R, p.C], CellKey.Combine(s.CellKey, keys[p.R, p.C])));
        var all = Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, columns).Select(c => (r, c))).ToList();
        return new CountTable
        {
            Dimensions = bySex ? [Needs, Sexes] : [Needs],
            Cells = [.. all.Select(p => new CountCell(counts[p.r, p.c], keys[p.r, p.c]))],
            RowTotals = bySex ? [.. Enumerable.Range(0, rows).Select(r => Sum(all.Where(p => p.r == r)))] : [],
            ColumnTotals = bySex ? [.. Enumerable.Range(0, columns).Select(c => Sum(all.Where(p => p.c == c)))] : [],
            GrandTotal = Sum(all),
            LinkedAgencies = linkedAgencies,
        };
    }

    private static int Pick(Random random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < NeedShares.Length; i++)
        {
            x -= NeedShares[i];
            if (x < 0)
            {
                return i;
            }
        }
        return 0;
    }
}
