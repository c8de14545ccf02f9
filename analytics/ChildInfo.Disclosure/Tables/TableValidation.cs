using ChildInfo.Disclosure.Keys;

namespace ChildInfo.Disclosure.Tables;

/// <summary>
/// Refuses tables the library will not publish from, each with its own code. Messages never carry a count or a
/// category, so an error shown to the analyst cannot itself disclose anything.
/// </summary>
internal static class TableValidation
{
    public static void CheckDimensions(IReadOnlyList<Dimension>? dimensions)
    {
        if (dimensions is null || dimensions.Count == 0)
        {
            throw Fail(DisclosureErrorCodes.NoDimensions, "A table needs one or two dimensions.");
        }

        if (dimensions.Count > 2)
        {
            throw Fail(DisclosureErrorCodes.TooManyDimensions, "A table may have at most two dimensions: more would make cells too small to publish.");
        }

        long cells = 1;
        foreach (var dimension in dimensions)
        {
            if (dimension is null || string.IsNullOrWhiteSpace(dimension.Name) || dimension.Categories is null || dimension.Categories.Count == 0)
            {
                throw Fail(DisclosureErrorCodes.ShapeMismatch, "Every dimension needs a name and at least one category.");
            }

            if (dimension.Categories.Any(string.IsNullOrEmpty) || dimension.Categories.Distinct(StringComparer.Ordinal).Count() != dimension.Categories.Count)
            {
                throw Fail(DisclosureErrorCodes.ShapeMismatch, $"The categories of '{dimension.Name}' must be non-empty and distinct.");
            }

            cells *= dimension.Categories.Count;
            if (cells > CountTable.MaxCells)
            {
                throw Fail(DisclosureErrorCodes.TooManyCells, $"A table may have at most {CountTable.MaxCells} cells; ask for fewer categories.");
            }
        }
    }

    public static void Check(CountTable table)
    {
        if (table is null)
        {
            throw Fail(DisclosureErrorCodes.InvalidTable, "No table was given.");
        }

        CheckDimensions(table.Dimensions);
        if (table.Cells is null || table.RowTotals is null || table.ColumnTotals is null || table.GrandTotal is null)
        {
            throw Fail(DisclosureErrorCodes.ShapeMismatch, "The table's cells and totals must all be given.");
        }

        int rows = table.RowCount, columns = table.ColumnCount;
        var marginCount = table.IsTwoDimensional ? (rows, columns) : (0, 0);
        if (table.Cells.Count != rows * columns || (table.RowTotals.Count, table.ColumnTotals.Count) != marginCount)
        {
            throw Fail(DisclosureErrorCodes.ShapeMismatch, "The number of cells or totals does not match the dimensions.");
        }

        if (table.LinkedAgencies < 0)
        {
            throw Fail(DisclosureErrorCodes.InvalidTable, "The number of linked agencies cannot be negative.");
        }

        foreach (var cell in table.Cells.Concat(table.RowTotals).Concat(table.ColumnTotals).Append(table.GrandTotal))
        {
            CheckCell(cell);
        }

        CheckSum(table.Cells, table.GrandTotal, "The grand total is not the sum of the cells.");
        if (!table.IsTwoDimensional)
        {
            return;
        }

        for (var r = 0; r < rows; r++)
        {
            CheckSum([.. Enumerable.Range(0, columns).Select(c => table.Cells[(r * columns) + c])], table.RowTotals[r], "A row total is not the sum of its cells.");
        }

        for (var c = 0; c < columns; c++)
        {
            CheckSum([.. Enumerable.Range(0, rows).Select(r => table.Cells[(r * columns) + c])], table.ColumnTotals[c], "A column total is not the sum of its cells.");
        }
    }

    private static void CheckCell(CountCell cell)
    {
        if (cell is null)
        {
            throw Fail(DisclosureErrorCodes.ShapeMismatch, "A cell is missing.");
        }

        if (cell.Count < 0)
        {
            throw Fail(DisclosureErrorCodes.NegativeCount, "Counts cannot be negative.");
        }

        if (cell.Count > CountTable.MaxCount)
        {
            throw Fail(DisclosureErrorCodes.CountTooLarge, $"Counts above {CountTable.MaxCount} are not children of one authority.");
        }

        if (cell.CellKey is < 0 or >= CellKey.Range)
        {
            throw Fail(DisclosureErrorCodes.InvalidCellKey, $"Cell keys lie in 0..{CellKey.Range - 1}.");
        }

        if (cell.Measure is { } measure
            && (!double.IsFinite(measure.Mean) || !double.IsFinite(measure.Median) || measure.BaseCount < 0 || measure.BaseCount > cell.Count))
        {
            throw Fail(DisclosureErrorCodes.InvalidMeasure, "A measure needs a finite mean and median and a base between 0 and the cell's count.");
        }
    }

    /// <summary>Totals must be the sum of their parts, in counts and in keys: a total that is not would publish something no cell explains.</summary>
    private static void CheckSum(IReadOnlyList<CountCell> parts, CountCell total, string message)
    {
        long count = 0;
        var key = 0;
        foreach (var part in parts)
        {
            count += part.Count; // at most MaxCells × MaxCount: no overflow
            key = CellKey.Combine(key, part.CellKey);
        }
        if (count != total.Count)
        {
            throw Fail(DisclosureErrorCodes.InconsistentTotal, message);
        }

        if (key != total.CellKey)
        {
            throw Fail(DisclosureErrorCodes.InvalidCellKey, "A total's cell key is not the sum of its cells' keys: the total must count the same children.");
        }
    }

    private static DisclosureInputException Fail(string code, string message) => new(code, message);
}
