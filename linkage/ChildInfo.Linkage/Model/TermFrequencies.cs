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

    /// <summary>
    /// Term frequencies read back from a saved run: <paramref name="counts"/> holds the records per value of each field
    /// (only the values a comparison will ask about are needed), <paramref name="totals"/> the records holding any value.
    /// </summary>
    public TermFrequencies(IReadOnlyList<FieldComparison> comparisons, IEnumerable<(int Field, string Term, int Count)> counts, IReadOnlyList<int> totals)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(totals);
        _comparisons = comparisons;
        _counts = new Dictionary<string, int>?[comparisons.Count];
        _totals = new int[comparisons.Count];
        for (var f = 0; f < comparisons.Count && f < totals.Count; f++)
        {
            _totals[f] = totals[f];
        }

        foreach (var (field, term, count) in counts)
        {
            var map = _counts[field] ??= new Dictionary<string, int>(StringComparer.Ordinal);
            map[term] = count;
        }

        // A field whose values were all asked for but none found still has counts (of zero): not "no term frequencies".
        for (var f = 0; f < comparisons.Count; f++)
        {
            if (_totals[f] > 0 && _counts[f] is null)
            {
                _counts[f] = new Dictionary<string, int>(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Records holding a value of each field, in the comparisons' order (saved with the model).</summary>
    public IReadOnlyList<int> Totals => _totals;

    /// <summary>Every (field, value, records) count, for saving with the model.</summary>
    public IEnumerable<(int Field, string Term, int Count)> Entries()
    {
        for (var f = 0; f < _counts.Length; f++)
        {
            foreach (var (term, count) in _counts[f] ?? [])
            {
                yield return (f, term, count);
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
