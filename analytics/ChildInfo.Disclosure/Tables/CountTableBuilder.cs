using ChildInfo.Disclosure.Keys;

namespace ChildInfo.Disclosure.Tables;

/// <summary>
/// Counts pseudonymous children into a <see cref="CountTable"/>: exact counts, totals, cell keys and measures. Call
/// <see cref="Add"/> once per child in the cohort (the caller removes duplicates); only the pseudonymous key and the
/// child's categories come in, and only counts, keys and summary statistics go out.
/// </summary>
public sealed class CountTableBuilder
{
    private readonly IReadOnlyList<Dimension> _dimensions;
    private readonly RecordKeys _keys;
    private readonly int _linkedAgencies;
    private readonly Dictionary<string, int>[] _index;
    private readonly Accumulator[] _cells;
    private readonly Accumulator[] _rowTotals;
    private readonly Accumulator[] _columnTotals;
    private readonly Accumulator _grandTotal = new();
    private readonly int _columns;
    private bool _hasMeasure;

    public CountTableBuilder(IReadOnlyList<Dimension> dimensions, RecordKeys keys, int linkedAgencies = 1)
    {
        ArgumentNullException.ThrowIfNull(keys);
        TableValidation.CheckDimensions(dimensions);
        _dimensions = dimensions;
        _keys = keys;
        _linkedAgencies = linkedAgencies;
        _index = [.. dimensions.Select(d => d.Categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal))];
        var rows = dimensions[0].Categories.Count;
        _columns = dimensions.Count == 2 ? dimensions[1].Categories.Count : 1;
        _cells = NewAccumulators(rows * _columns);
        _rowTotals = NewAccumulators(dimensions.Count == 2 ? rows : 0);
        _columnTotals = NewAccumulators(dimensions.Count == 2 ? _columns : 0);
    }

    /// <summary>Counts one child. <paramref name="column"/> is required with two dimensions and refused with one.</summary>
    public void Add(string pseudonymousChildKey, string row, string? column = null, double? measure = null)
    {
        var recordKey = _keys.For(pseudonymousChildKey);
        var r = Position(0, row);
        var c = 0;
        if (_dimensions.Count == 2)
        {
            c = Position(1, column ?? throw new DisclosureInputException(DisclosureErrorCodes.ShapeMismatch, $"A category of '{_dimensions[1].Name}' is needed for every child."));
        }
        else if (column is not null)
        {
            throw new DisclosureInputException(DisclosureErrorCodes.TooManyDimensions, "The table has one dimension; a second category was given.");
        }

        if (measure is { } value && !double.IsFinite(value))
        {
            throw new DisclosureInputException(DisclosureErrorCodes.InvalidMeasure, "A measure value must be a finite number.");
        }

        _hasMeasure |= measure is not null;
        _cells[(r * _columns) + c].Add(recordKey, measure);
        if (_dimensions.Count == 2)
        {
            _rowTotals[r].Add(recordKey, measure);
            _columnTotals[c].Add(recordKey, measure);
        }
        _grandTotal.Add(recordKey, measure);
    }

    /// <summary>The exact table, ready for <see cref="DisclosureControl.Apply"/>.</summary>
    public CountTable Build() => new()
    {
        Dimensions = _dimensions,
        Cells = [.. _cells.Select(a => a.ToCell(_hasMeasure))],
        RowTotals = [.. _rowTotals.Select(a => a.ToCell(_hasMeasure))],
        ColumnTotals = [.. _columnTotals.Select(a => a.ToCell(_hasMeasure))],
        GrandTotal = _grandTotal.ToCell(_hasMeasure),
        LinkedAgencies = _linkedAgencies,
    };

    private int Position(int dimension, string category) =>
        category is not null && _index[dimension].TryGetValue(category, out var position)
            ? position
            : throw new DisclosureInputException(DisclosureErrorCodes.UnknownCategory, $"A child has a category that '{_dimensions[dimension].Name}' does not list.");

    private static Accumulator[] NewAccumulators(int count) => [.. Enumerable.Range(0, count).Select(_ => new Accumulator())];

    /// <summary>Count, key sum and measure values of one cell; values are kept only for the median.</summary>
    private sealed class Accumulator
    {
        private readonly List<double> _values = [];
        private long _count;
        private int _key;

        public void Add(int recordKey, double? measure)
        {
            _count++;
            _key = CellKey.Combine(_key, recordKey);
            if (measure is { } value)
            {
                _values.Add(value);
            }
        }

        /// <summary>When the question has a measure, every cell carries one, with a base of 0 where no child has a value.</summary>
        public CountCell ToCell(bool hasMeasure) => new(_count, _key, hasMeasure ? Summarise() : null);

        private Measure Summarise()
        {
            if (_values.Count == 0)
            {
                return new Measure(0, 0, 0);
            }

            _values.Sort();
            var middle = _values.Count / 2;
            var median = _values.Count % 2 == 1 ? _values[middle] : (_values[middle - 1] + _values[middle]) / 2;
            return new Measure(_values.Average(), median, _values.Count);
        }
    }
}
