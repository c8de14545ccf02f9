namespace ChildInfo.Disclosure.Suppression;

/// <summary>
/// Primary and secondary (complementary) suppression on the exact counts.
/// <para>Primary: counts from 1 to the threshold, cells and totals alike. Zeros are published: a true zero says no child
/// is there, which is not a disclosure about any child, and a zero cannot protect a neighbour (it can only go up).</para>
/// <para>Secondary: every suppressed position must lie on a cycle of suppressed, non-zero positions across the table's
/// equations (cells add up to their row and column totals, totals to the grand total). Moving one up and the next down
/// around such a cycle keeps every published number true, so an attacker who knew every published number exactly,
/// unperturbed and unrounded, could still not tell the suppressed value from its neighbours on either side. In two
/// dimensions the cycle is a rectangle of four positions (totals included); in one dimension, a pair in the sum.</para>
/// </summary>
internal static class CellSuppression
{
    public static bool[] Choose(Grid grid, int suppressUpTo)
    {
        var suppressed = new bool[grid.Size];
        var primaries = new List<int>();
        for (var i = 0; i < grid.Size; i++)
        {
            if (grid[i].Count >= 1 && grid[i].Count <= suppressUpTo)
            {
                suppressed[i] = true;
                primaries.Add(i);
            }
        }
        if (primaries.Count == 0)
        {
            return suppressed;
        }

        if (grid.TwoDimensional)
        {
            // Smallest first, then in table order, so the same table always gets the same pattern.
            foreach (var primary in primaries.OrderBy(i => grid[i].Count).ThenBy(i => i))
            {
                CoverWithRectangle(grid, suppressed, primary);
            }
        }
        else
        {
            CoverWithPair(grid, suppressed);
        }
        return suppressed;
    }

    /// <summary>
    /// Puts the position on a rectangle of suppressed non-zero positions, hiding as little as it can: the least sum of
    /// counts newly suppressed, a total counting double because it carries more of what analysts need.
    /// </summary>
    private static void CoverWithRectangle(Grid grid, bool[] suppressed, int position)
    {
        int row = position / grid.Columns, column = position % grid.Columns;
        (int Row, int Column, long Cost)? best = null;
        for (var otherRow = 0; otherRow < grid.Rows; otherRow++)
        {
            if (otherRow == row)
            {
                continue;
            }

            for (var otherColumn = 0; otherColumn < grid.Columns; otherColumn++)
            {
                if (otherColumn == column)
                {
                    continue;
                }

                int sameRow = grid.Index(row, otherColumn), sameColumn = grid.Index(otherRow, column), opposite = grid.Index(otherRow, otherColumn);
                if (grid[sameRow].Count == 0 || grid[sameColumn].Count == 0 || grid[opposite].Count == 0)
                {
                    continue;
                }

                var cost = Cost(grid, suppressed, sameRow) + Cost(grid, suppressed, sameColumn) + Cost(grid, suppressed, opposite);
                if (cost == 0)
                {
                    return; // already on a suppressed rectangle
                }

                if (best is null || cost < best.Value.Cost)
                {
                    best = (otherRow, otherColumn, cost);
                }
            }
        }
        // The rectangle through the row total, column total and grand total is never zero, so one is always found;
        // were it not, hide everything rather than publish an unprotected count.
        if (best is null)
        {
            Array.Fill(suppressed, true);
            return;
        }
        var (r, c, _) = best.Value;
        suppressed[grid.Index(row, c)] = suppressed[grid.Index(r, column)] = suppressed[grid.Index(r, c)] = true;
    }

    private static long Cost(Grid grid, bool[] suppressed, int position) =>
        suppressed[position] ? 0 : grid.IsTotal(position) ? 2 * grid[position].Count : grid[position].Count;

    /// <summary>One dimension, one equation: a lone suppressed position gets the smallest non-zero cell as partner, else the total.</summary>
    private static void CoverWithPair(Grid grid, bool[] suppressed)
    {
        if (suppressed.Count(s => s) != 1)
        {
            return;
        }

        var total = grid.Size - 1;
        var partner = Enumerable.Range(0, total)
            .Where(i => !suppressed[i] && grid[i].Count > 0)
            .OrderBy(i => grid[i].Count).ThenBy(i => i)
            .DefaultIfEmpty(total)
            .First();
        suppressed[partner] = true;
    }
}
