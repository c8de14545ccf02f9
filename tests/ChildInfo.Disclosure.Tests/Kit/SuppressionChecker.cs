using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure.Tests.Kit;

/// <summary>
/// An attacker who knows every published count exactly (as if there were no perturbation or rounding) and tries to
/// work out each suppressed count from the table's equations: cells add up to row and column totals, totals to the
/// grand total, and every count is a whole number from 0 to the grand total. Written from the table's shape alone,
/// independently of how the library chooses what to suppress.
/// <para><see cref="Determined"/> asks whether linear algebra pins the value down (Gaussian elimination over the
/// reals); <see cref="Feasible"/> searches exhaustively for a whole-number completion of the table in which the
/// suppressed count takes another value.</para>
/// </summary>
internal sealed class SuppressionChecker
{
    private readonly long[] _truth;
    private readonly bool[] _hidden;
    private readonly List<(int[] Parts, int Whole)> _equations = [];
    private readonly long _upper;

    /// <summary>Positions: cells row by row, then row totals, column totals, grand total.</summary>
    public SuppressionChecker(CountTable table, IReadOnlyList<bool> hidden)
    {
        _truth = [.. table.Cells.Concat(table.RowTotals).Concat(table.ColumnTotals).Append(table.GrandTotal).Select(c => c.Count)];
        _hidden = [.. hidden];
        // Counts cannot exceed the grand total: known exactly when it is published; when it is not, the attacker still
        // knows roughly how many children the authority has, taken here as ten times the truth.
        _upper = _hidden[^1] ? (10 * table.GrandTotal.Count) + 100 : table.GrandTotal.Count;
        int rows = table.Dimensions[0].Categories.Count, columns = table.Dimensions.Count == 2 ? table.Dimensions[1].Categories.Count : 1;
        var grand = _truth.Length - 1;
        _equations.Add(([.. Enumerable.Range(0, rows * columns)], grand));
        if (table.Dimensions.Count == 2)
        {
            int rowTotal(int r) => (rows * columns) + r;
            int columnTotal(int c) => (rows * columns) + rows + c;
            for (var r = 0; r < rows; r++)
            {
                _equations.Add(([.. Enumerable.Range(0, columns).Select(c => (r * columns) + c)], rowTotal(r)));
            }

            for (var c = 0; c < columns; c++)
            {
                _equations.Add(([.. Enumerable.Range(0, rows).Select(r => (r * columns) + c)], columnTotal(c)));
            }

            _equations.Add(([.. Enumerable.Range(0, rows).Select(rowTotal)], grand));
            _equations.Add(([.. Enumerable.Range(0, columns).Select(columnTotal)], grand));
        }
    }

    /// <summary>The suppressed positions of a published table, in the same order.</summary>
    public static bool[] Suppressed(PublishedTable published) =>
        [.. published.Cells.Concat(published.RowTotals).Concat(published.ColumnTotals).Append(published.GrandTotal).Select(c => c.IsSuppressed)];

    /// <summary>What primary suppression alone would hide: counts 1..threshold.</summary>
    public static bool[] SmallCounts(CountTable table, int threshold) =>
        [.. table.Cells.Concat(table.RowTotals).Concat(table.ColumnTotals).Append(table.GrandTotal).Select(c => c.Count >= 1 && c.Count <= threshold)];

    public IEnumerable<int> HiddenPositions => Enumerable.Range(0, _truth.Length).Where(i => _hidden[i]);

    public long Truth(int position) => _truth[position];

    /// <summary>Whether the published counts and the equations fix this hidden position's value (over the reals).</summary>
    public bool Determined(int position)
    {
        var unknowns = HiddenPositions.ToList();
        var column = unknowns.IndexOf(position);
        // Each equation as coefficients over the unknowns (parts +1, whole −1); known values go to the right-hand side, which does not matter here.
        var matrix = _equations.Select(e =>
        {
            var row = new double[unknowns.Count];
            foreach (var part in e.Parts.Where(p => _hidden[p]))
            {
                row[unknowns.IndexOf(part)] += 1;
            }

            if (_hidden[e.Whole])
            {
                row[unknowns.IndexOf(e.Whole)] -= 1;
            }

            return row;
        }).ToList();
        var pivotRowOf = ReducedRowEchelon(matrix, unknowns.Count);
        // e_j lies in the row space exactly when column j is a pivot whose reduced row has no other non-zero entry.
        return pivotRowOf.TryGetValue(column, out var pivotRow)
            && Enumerable.Range(0, unknowns.Count).All(j => j == column || Math.Abs(matrix[pivotRow][j]) < 1e-9);
    }

    /// <summary>Whether some whole-number completion of the table gives this hidden position the value given.</summary>
    public bool Feasible(int position, long value)
    {
        if (value < 0 || value > _upper)
        {
            return false;
        }

        var assigned = new long?[_truth.Length];
        for (var i = 0; i < _truth.Length; i++)
        {
            if (!_hidden[i])
            {
                assigned[i] = _truth[i];
            }
        }
        assigned[position] = value;
        var budget = 2_000_000;
        return Search(assigned, ref budget);
    }

    private bool Search(long?[] assigned, ref int budget)
    {
        if (--budget < 0)
        {
            throw new InvalidOperationException("The table is too large for an exhaustive check.");
        }

        var trail = new List<int>();
        try
        {
            if (!Propagate(assigned, trail))
            {
                return false;
            }

            var next = Array.FindIndex(assigned, a => a is null);
            if (next < 0)
            {
                return true;
            }
            // Values nearest the truth first: a completion usually lies close by, so the search ends early.
            foreach (var candidate in Candidates(_truth[next]))
            {
                assigned[next] = candidate;
                if (Search(assigned, ref budget))
                {
                    return true;
                }

                assigned[next] = null;
            }
            return false;
        }
        finally
        {
            foreach (var i in trail)
            {
                assigned[i] = null;
            }
        }
    }

    private IEnumerable<long> Candidates(long near)
    {
        yield return near;
        for (long d = 1; near - d >= 0 || near + d <= _upper; d++)
        {
            if (near - d >= 0)
            {
                yield return near - d;
            }

            if (near + d <= _upper)
            {
                yield return near + d;
            }
        }
    }

    /// <summary>Fills values forced by equations with one unknown left; false when an equation cannot hold.</summary>
    private bool Propagate(long?[] assigned, List<int> trail)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (parts, whole) in _equations)
            {
                var members = parts.Append(whole).ToArray();
                var open = members.Where(m => assigned[m] is null).ToArray();
                var partSum = parts.Where(p => assigned[p] is not null).Sum(p => assigned[p]!.Value);
                if (open.Length == 0)
                {
                    if (partSum != assigned[whole])
                    {
                        return false;
                    }

                    continue;
                }
                if (assigned[whole] is { } w && partSum > w)
                {
                    return false; // parts cannot be negative
                }

                if (open.Length > 1)
                {
                    continue;
                }

                var forced = open[0] == whole ? partSum : assigned[whole]!.Value - partSum;
                if (forced < 0 || forced > _upper)
                {
                    return false;
                }

                assigned[open[0]] = forced;
                trail.Add(open[0]);
                changed = true;
            }
        }
        return true;
    }

    private static Dictionary<int, int> ReducedRowEchelon(List<double[]> m, int columns)
    {
        var pivots = new Dictionary<int, int>();
        var row = 0;
        for (var col = 0; col < columns && row < m.Count; col++)
        {
            var best = Enumerable.Range(row, m.Count - row).OrderByDescending(r => Math.Abs(m[r][col])).First();
            if (Math.Abs(m[best][col]) < 1e-9)
            {
                continue;
            }

            (m[row], m[best]) = (m[best], m[row]);
            var p = m[row][col];
            for (var j = 0; j < columns; j++)
            {
                m[row][j] /= p;
            }

            for (var r = 0; r < m.Count; r++)
            {
                if (r == row || Math.Abs(m[r][col]) < 1e-12)
                {
                    continue;
                }

                var f = m[r][col];
                for (var j = 0; j < columns; j++)
                {
                    m[r][j] -= f * m[row][j];
                }
            }
            pivots[col] = row;
            row++;
        }
        return pivots;
    }
}
