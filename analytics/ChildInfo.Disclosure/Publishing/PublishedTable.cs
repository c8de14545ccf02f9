using System.Text;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Disclosure.Publishing;

/// <summary>The table as it may leave the gateway: same shape as the <see cref="CountTable"/>, every figure protected.</summary>
public sealed record PublishedTable
{
    /// <summary>Label of total rows and columns in text outputs.</summary>
    public const string TotalLabel = "Total";

    public required IReadOnlyList<Dimension> Dimensions { get; init; }

    /// <summary>One per combination of categories, row by row.</summary>
    public required IReadOnlyList<PublishedCell> Cells { get; init; }

    /// <summary>Two dimensions: one per row category. One dimension: empty.</summary>
    public required IReadOnlyList<PublishedCell> RowTotals { get; init; }

    /// <summary>Two dimensions: one per column category. One dimension: empty.</summary>
    public required IReadOnlyList<PublishedCell> ColumnTotals { get; init; }

    public required PublishedCell GrandTotal { get; init; }

    /// <summary>Whether the question had a numeric measure (otherwise means and medians are all <c>x</c>).</summary>
    public required bool HasMeasure { get; init; }

    /// <summary>The primary suppression threshold applied (counts 1 to this were suppressed).</summary>
    public required int SuppressedUpTo { get; init; }

    /// <summary>Counts published (cells and totals), for the audit record.</summary>
    public int ReleasedCount => AllPositions.Count(p => !p.IsSuppressed);

    /// <summary>Counts suppressed (cells and totals), for the audit record.</summary>
    public int SuppressedCount => AllPositions.Count(p => p.IsSuppressed);

    /// <summary>The published cell at a row and (for two dimensions) column category position.</summary>
    public PublishedCell Cell(int row, int column = 0) => Cells[(row * (Dimensions.Count == 2 ? Dimensions[1].Categories.Count : 1)) + column];

    private IEnumerable<PublishedCell> AllPositions => Cells.Concat(RowTotals).Concat(ColumnTotals).Append(GrandTotal);

    /// <summary>
    /// CSV (RFC 4180) with GSS symbols in place of withheld figures: one line per cell, then the row totals, the column
    /// totals and the grand total, labelled <see cref="TotalLabel"/>.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        var header = Dimensions.Select(d => d.Name).Concat(["children", "percentage"]).Concat(HasMeasure ? ["mean", "median"] : []);
        csv.AppendJoin(',', header.Select(Escape)).Append("\r\n");
        var rows = Dimensions[0].Categories;
        var columns = Dimensions.Count == 2 ? Dimensions[1].Categories : [];
        for (var r = 0; r < rows.Count; r++)
        {
            if (columns.Count == 0)
            {
                Line(csv, [rows[r]], Cells[r]);
            }

            for (var c = 0; c < columns.Count; c++)
            {
                Line(csv, [rows[r], columns[c]], Cells[(r * columns.Count) + c]);
            }
        }
        for (var r = 0; r < RowTotals.Count; r++)
        {
            Line(csv, [rows[r], TotalLabel], RowTotals[r]);
        }

        for (var c = 0; c < ColumnTotals.Count; c++)
        {
            Line(csv, [TotalLabel, columns[c]], ColumnTotals[c]);
        }

        Line(csv, [.. Dimensions.Select(_ => TotalLabel)], GrandTotal);
        return csv.ToString();
    }

    private void Line(StringBuilder csv, string[] labels, PublishedCell cell)
    {
        var figures = HasMeasure ? new[] { cell.Count, cell.Percentage, cell.Mean, cell.Median } : [cell.Count, cell.Percentage];
        csv.AppendJoin(',', labels.Select(Escape).Concat(figures.Select(f => f.ToString()))).Append("\r\n");
    }

    /// <summary>Quotes where CSV needs it, and defuses labels a spreadsheet would run as a formula.</summary>
    private static string Escape(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
