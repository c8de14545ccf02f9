using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure.Tests.Kit;

/// <summary>Exact tables for tests, counted from made-up pseudonymous children so that cell keys are real.</summary>
internal static class TestTables
{
    public static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static readonly RecordKeys Keys = new(Secret);

    public static Dimension Dimension(string name, int categories) => new(name, [.. Enumerable.Range(1, categories).Select(i => $"{name}{i}")]);

    /// <summary>One dimension; the children of cell i are named "{prefix}i-j".</summary>
    public static CountTable OneWay(int[] counts, int linkedAgencies = 1, string prefix = "C") => TwoOrOne([.. counts.Select(c => new[] { c })], false, linkedAgencies, prefix);

    /// <summary>Two dimensions, counts[row][column].</summary>
    public static CountTable TwoWay(int[][] counts, int linkedAgencies = 1, string prefix = "C") => TwoOrOne(counts, true, linkedAgencies, prefix);

    private static CountTable TwoOrOne(int[][] counts, bool two, int linkedAgencies, string prefix)
    {
        var rows = Dimension("row", counts.Length);
        var columns = Dimension("col", counts[0].Length);
        var builder = new CountTableBuilder(two ? [rows, columns] : [rows], Keys, linkedAgencies);
        for (var r = 0; r < counts.Length; r++)
        {
            for (var c = 0; c < counts[r].Length; c++)
            {
                for (var child = 0; child < counts[r][c]; child++)
                {
                    builder.Add($"{prefix}{r}.{c}-{child}", rows.Categories[r], two ? columns.Categories[c] : null);
                }
            }
        }
        return builder.Build();
    }
}
