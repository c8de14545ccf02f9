namespace ChildInfo.Disclosure.Tables;

/// <summary>
/// Exact counts grouped by one or two dimensions, with their totals: the input of <see cref="DisclosureControl"/>.
/// Build one with <see cref="CountTableBuilder"/> from pseudonymous children, or directly from counts already made.
/// </summary>
public sealed record CountTable
{
    /// <summary>Most cells a table may have: beyond this the question is too broad to answer (and to protect) in bounded time.</summary>
    public const int MaxCells = 5_000;

    /// <summary>Largest count accepted; England has about 12 million children, so anything above is a mistake.</summary>
    public const long MaxCount = 100_000_000;

    /// <summary>One dimension (rows) or two (rows, then columns).</summary>
    public required IReadOnlyList<Dimension> Dimensions { get; init; }

    /// <summary>One per combination of categories, row by row (for one dimension, one per category).</summary>
    public required IReadOnlyList<CountCell> Cells { get; init; }

    /// <summary>Two dimensions: one per row category (the sum across its columns). One dimension: empty.</summary>
    public IReadOnlyList<CountCell> RowTotals { get; init; } = [];

    /// <summary>Two dimensions: one per column category. One dimension: empty.</summary>
    public IReadOnlyList<CountCell> ColumnTotals { get; init; } = [];

    /// <summary>All children counted.</summary>
    public required CountCell GrandTotal { get; init; }

    /// <summary>How many agencies' data the cohort links; two or more brings the stricter threshold.</summary>
    public int LinkedAgencies { get; init; } = 1;

    internal int RowCount => Dimensions[0].Categories.Count;

    internal int ColumnCount => Dimensions.Count == 2 ? Dimensions[1].Categories.Count : 1;

    internal bool IsTwoDimensional => Dimensions.Count == 2;
}
