using ChildInfo.Linkage.Comparison;

namespace ChildInfo.Linkage.Model;

/// <summary>
/// How common each name and postcode is among the records: agreeing on a rare surname is stronger evidence than
/// agreeing on a common one. An exact agreement's weight is adjusted by log2(u / tf), where tf is the share of records
/// holding the value and u the field's average chance agreement (Splink's term-frequency adjustment).
/// </summary>
public sealed class TermFrequencies
{
    private readonly IReadOnlyList<FieldComparison> _comparisons;
    private readonly Dictionary<string, int>?[] _counts;
    private readonly int[] _totals;

    public TermFrequencies(IReadOnlyList<FieldComparison> comparisons, IEnumerable<PreparedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(records);
        _comparisons = comparisons;
        _counts = new Dictionary<string, int>?[comparisons.Count];
        _totals = new int[comparisons.Count];
        foreach (var record in records)
        {
            for (var f = 0; f < comparisons.Count; f++)
            {
                if (comparisons[f].TermOf(record) is { } term)
                {
                    var counts = _counts[f] ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                    _totals[f]++;
                }
            }
        }
    }

    /// <summary>The weight to add to an exact agreement of field <paramref name="field"/> on <paramref name="record"/>'s value.</summary>
    public double Adjustment(int field, PreparedRecord record, double averageU)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_counts[field] is not { } counts || _comparisons[field].TermOf(record) is not { } term || _totals[field] == 0)
        {
            return 0;
        }

        var tf = Math.Max(counts.GetValueOrDefault(term), 1) / (double)_totals[field];
        return Math.Log2(averageU / tf);
    }
}
