using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure.Suppression;

/// <summary>
/// A table laid out with its totals as one more row and column (for one dimension, one column with the total below),
/// so that every published number, cell or total, has one position and the same rules apply to all of them.
/// </summary>
internal sealed class Grid
{
    private readonly CountCell[] _cells;

    public Grid(CountTable table)
    {
        TwoDimensional = table.IsTwoDimensional;
        Rows = table.RowCount + 1;
        Columns = TwoDimensional ? table.ColumnCount + 1 : 1;
        _cells = new CountCell[Rows * Columns];
        var innerColumns = table.ColumnCount;
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < innerColumns; c++)
            {
                _cells[Index(r, c)] = table.Cells[(r * innerColumns) + c];
            }

            if (TwoDimensional)
            {
                _cells[Index(r, Columns - 1)] = table.RowTotals[r];
            }
        }
        if (TwoDimensional)
        {
            for (var c = 0; c < innerColumns; c++)
            {
                _cells[Index(Rows - 1, c)] = table.ColumnTotals[c];
            }
        }
        _cells[Index(Rows - 1, Columns - 1)] = table.GrandTotal;
    }

    public bool TwoDimensional { get; }

    /// <summary>Rows including the totals row.</summary>
    public int Rows { get; }

    /// <summary>Columns including the totals column (one for a one-dimensional table).</summary>
    public int Columns { get; }

    public int Size => _cells.Length;

    public CountCell this[int index] => _cells[index];

    public int Index(int row, int column) => (row * Columns) + column;

    public long Value(int row, int column) => _cells[Index(row, column)].Count;

    /// <summary>Row, column and grand totals.</summary>
    public bool IsTotal(int index) => index / Columns == Rows - 1 || (TwoDimensional && index % Columns == Columns - 1);

    /// <summary>The total a position's percentage is of: a cell's row total, a total's grand total; none for the grand total.</summary>
    public int? PercentageBase(int index)
    {
        int row = index / Columns, column = index % Columns, grand = Size - 1;
        if (index == grand)
        {
            return null;
        }

        if (!TwoDimensional || row == Rows - 1 || column == Columns - 1)
        {
            return grand;
        }

        return Index(row, Columns - 1);
    }
}
