using ChildInfo.Disclosure.Perturbation;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Suppression;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure;

/// <summary>
/// Turns a table of exact counts into the table that may be published, in this order:
/// <list type="number">
/// <item>primary suppression of small counts (1–5, or 1–9 when two or more agencies are linked, by default);</item>
/// <item>secondary suppression across rows, columns and totals, so no suppressed count can be worked out from the rest;</item>
/// <item>cell-key perturbation of every count, then rounding of the totals: the same answer for the same children every time;</item>
/// <item>percentages, means and medians only on an unsuppressed base of at least 10 children;</item>
/// <item>GSS symbols (<c>c</c>, <c>x</c>, <c>z</c>, <c>k</c>) wherever a figure is withheld.</item>
/// </list>
/// Suppression decides on the exact counts and is safe even against an attacker who knew every published figure
/// exactly; perturbation and rounding then protect against differencing between questions.
/// </summary>
public static class DisclosureControl
{
    /// <summary>The published table. Throws <see cref="DisclosureInputException"/> (only) for unusable tables or rules.</summary>
    public static PublishedTable Apply(CountTable table, DisclosureRules rules)
    {
        if (rules is null || rules.Validate() is { Count: > 0 })
        {
            throw new DisclosureInputException(DisclosureErrorCodes.InvalidRules, "The disclosure rules are not usable: " + string.Join(" ", rules?.Validate() ?? ["none were given."]));
        }

        TableValidation.Check(table);

        var grid = new Grid(table);
        var suppressUpTo = rules.SuppressUpToFor(table.LinkedAgencies);
        var suppressed = CellSuppression.Choose(grid, suppressUpTo);
        var perturbation = PerturbationTable.KeyedRounding(rules.CellRoundingBase);

        var counts = new PublishedValue[grid.Size];
        var published = new long[grid.Size];
        for (var i = 0; i < grid.Size; i++)
        {
            var cell = grid[i];
            published[i] = perturbation.Publish(cell.Count, cell.CellKey);
            if (grid.IsTotal(i))
            {
                published[i] = RoundTotal(published[i], rules.TotalRoundingBase);
            }

            counts[i] = suppressed[i] ? PublishedValue.Withheld(GssSymbol.Confidential)
                : cell.Count > 0 && published[i] == 0 ? PublishedValue.Withheld(GssSymbol.Low)
                : PublishedValue.Of(published[i]);
        }

        var hasMeasure = table.Cells.Any(c => c.Measure is not null);
        var cells = new PublishedCell[grid.Size];
        for (var i = 0; i < grid.Size; i++)
        {
            var statistics = new Statistics(rules, grid[i], suppressed[i]);
            cells[i] = new PublishedCell(counts[i], Percentage(grid, i, suppressed, published, rules), statistics.Mean, statistics.Median);
        }
        return Assemble(table, grid, cells, hasMeasure, suppressUpTo);
    }

    /// <summary>
    /// A total is the perturbed figure of its children rounded to the total base (halves to the even multiple, so totals
    /// are not pushed up on average). Rounding the perturbed figure, not the exact count, makes the total a function of
    /// what the same children would publish as a cell in another question, so asking for a group as a total rather than
    /// as a cell narrows nothing down. A total the cell rule published as non-zero is never rounded to nothing.
    /// </summary>
    private static long RoundTotal(long perturbed, int @base)
    {
        var rounded = (long)Math.Round((double)perturbed / @base, MidpointRounding.ToEven) * @base;
        return rounded == 0 && perturbed > 0 ? @base : rounded;
    }

    /// <summary>
    /// A position's share of its base, from the published figures (so it agrees with them and adds no precision),
    /// only when neither is suppressed and the base has at least the minimum number of children.
    /// </summary>
    private static PublishedValue Percentage(Grid grid, int index, bool[] suppressed, long[] published, DisclosureRules rules)
    {
        if (grid.PercentageBase(index) is not { } baseIndex)
        {
            return PublishedValue.Withheld(GssSymbol.NotApplicable);
        }

        if (suppressed[index] || suppressed[baseIndex])
        {
            return PublishedValue.Withheld(GssSymbol.Confidential);
        }

        if (grid[baseIndex].Count == 0)
        {
            return PublishedValue.Withheld(GssSymbol.NotApplicable);
        }

        if (grid[baseIndex].Count < rules.MinimumStatisticBase || published[baseIndex] == 0)
        {
            return PublishedValue.Withheld(GssSymbol.Confidential);
        }
        // Rounding can lift a cell above its rounded total; a share is never more than the whole.
        var share = Math.Min(100.0, 100.0 * published[index] / published[baseIndex]);
        var rounded = Math.Round(share, rules.StatisticDecimals, MidpointRounding.AwayFromZero);
        return grid[index].Count > 0 && rounded == 0 ? PublishedValue.Withheld(GssSymbol.Low) : PublishedValue.Of(rounded);
    }

    private static PublishedTable Assemble(CountTable table, Grid grid, PublishedCell[] cells, bool hasMeasure, int suppressUpTo)
    {
        int rows = table.RowCount, columns = table.ColumnCount;
        var inner = new List<PublishedCell>(rows * columns);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                inner.Add(cells[grid.Index(r, c)]);
            }
        }
        return new PublishedTable
        {
            Dimensions = table.Dimensions,
            Cells = inner,
            RowTotals = table.IsTwoDimensional ? [.. Enumerable.Range(0, rows).Select(r => cells[grid.Index(r, grid.Columns - 1)])] : [],
            ColumnTotals = table.IsTwoDimensional ? [.. Enumerable.Range(0, columns).Select(c => cells[grid.Index(grid.Rows - 1, c)])] : [],
            GrandTotal = cells[grid.Size - 1],
            HasMeasure = hasMeasure,
            SuppressedUpTo = suppressUpTo,
        };
    }

    /// <summary>Mean and median of one position: never on a suppressed count, never on fewer than the minimum base.</summary>
    private readonly struct Statistics
    {
        public Statistics(DisclosureRules rules, CountCell cell, bool suppressed)
        {
            var withheld = cell.Measure switch
            {
                null => GssSymbol.NotAvailable,
                _ when suppressed => GssSymbol.Confidential,
                { BaseCount: 0 } => GssSymbol.NotApplicable,
                { BaseCount: var n } when n < rules.MinimumStatisticBase => GssSymbol.Confidential,
                _ => (GssSymbol?)null,
            };
            if (withheld is { } symbol)
            {
                Mean = Median = PublishedValue.Withheld(symbol);
                return;
            }
            Mean = PublishedValue.Of(Math.Round(cell.Measure!.Mean, rules.StatisticDecimals, MidpointRounding.AwayFromZero));
            Median = PublishedValue.Of(Math.Round(cell.Measure.Median, rules.StatisticDecimals, MidpointRounding.AwayFromZero));
        }

        public PublishedValue Mean { get; }

        public PublishedValue Median { get; }
    }
}
