using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>Rows for one table gathered over a chunk of children, then written in one bulk insert.</summary>
internal sealed class TableRows(string table, params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public string Table { get; } = table;

    public IReadOnlyList<string> Columns { get; } = columns;

    public int Count => _rows.Count;

    public void Add(params object?[] row)
    {
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException($"{Table} takes {Columns.Count} values per row, not {row.Length}.", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>Writes the gathered rows (if any) and starts afresh for the next chunk.</summary>
    public async Task FlushAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        await writer.InsertAsync(Table, Columns, _rows, cancellationToken).ConfigureAwait(false);
        _rows.Clear();
    }
}
