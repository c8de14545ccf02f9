using ChildInfo.Analytics.Answers;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Tables;
using GraphQL.Types;

namespace ChildInfo.Gateway.Analytics.Schema;

/// <summary>One line of a published table: its categories (<c>Total</c> for a total), the count and its statistics.</summary>
public sealed record TableRow(IReadOnlyList<string> Categories, bool Total, PublishedCell Cell);

public sealed class CohortTableType : ObjectGraphType<CohortAnswer>
{
    public CohortTableType()
    {
        Name = "CohortTable";
        Description = "The answer, after disclosure control: every figure is rounded or suppressed as the purpose's rules say, with GSS symbols (c, x, z, k) in place of figures withheld.";
        Field<NonNullGraphType<StringGraphType>>("question").Description("The question as it was understood, in canonical form (what the audit records).").Resolve(c => c.Source.Question);
        Field<NonNullGraphType<StringGraphType>>("purpose").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("agencies").Description("The agencies whose data were counted.").Resolve(c => c.Source.Agencies);
        Field<NonNullGraphType<IntGraphType>>("suppressedUpTo").Description("Counts from 1 to this were suppressed (higher when the question links agencies).").Resolve(c => c.Source.Table.SuppressedUpTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortTableDimensionType>>>>("dimensions").Resolve(c => c.Source.Table.Dimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortTableRowType>>>>("rows")
            .Description("One row per combination of categories, then the row totals, the column totals and the grand total.").Resolve(c => Rows(c.Source.Table));
        Field<NonNullGraphType<StringGraphType>>("csv").Description("The same table as CSV (RFC 4180), GSS symbols in place of withheld figures.").Resolve(c => c.Source.Table.ToCsv());
        Field<NonNullGraphType<IntGraphType>>("released").Description("Counts published with a figure.").Resolve(c => c.Source.ReleasedCount);
        Field<NonNullGraphType<IntGraphType>>("suppressed").Description("Counts published as c.").Resolve(c => c.Source.SuppressedCount);
    }

    /// <summary>The table's positions in the order of its CSV.</summary>
    public static IEnumerable<TableRow> Rows(PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Dimensions[0].Categories;
        var columns = table.Dimensions.Count == 2 ? table.Dimensions[1].Categories : [];
        for (var r = 0; r < rows.Count; r++)
        {
            if (columns.Count == 0)
            {
                yield return new([rows[r]], false, table.Cells[r]);
            }

            for (var c = 0; c < columns.Count; c++)
            {
                yield return new([rows[r], columns[c]], false, table.Cells[(r * columns.Count) + c]);
            }
        }
        for (var r = 0; r < table.RowTotals.Count; r++)
        {
            yield return new([rows[r], PublishedTable.TotalLabel], true, table.RowTotals[r]);
        }

        for (var c = 0; c < table.ColumnTotals.Count; c++)
        {
            yield return new([PublishedTable.TotalLabel, columns[c]], true, table.ColumnTotals[c]);
        }

        yield return new([.. table.Dimensions.Select(_ => PublishedTable.TotalLabel)], true, table.GrandTotal);
    }
}

public sealed class CohortTableDimensionType : ObjectGraphType<Dimension>
{
    public CohortTableDimensionType()
    {
        Name = "CohortTableDimension";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories").Resolve(c => c.Source.Categories);
    }
}

public sealed class CohortTableRowType : ObjectGraphType<TableRow>
{
    public CohortTableRowType()
    {
        Name = "CohortTableRow";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories").Description("One per dimension; Total for a total.").Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<BooleanGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<CohortFigureType>>("children").Resolve(c => c.Source.Cell.Count);
        Field<NonNullGraphType<CohortFigureType>>("percentage").Description("Of the row's total (a total's: of the grand total).").Resolve(c => c.Source.Cell.Percentage);
        Field<NonNullGraphType<CohortFigureType>>("mean").Resolve(c => c.Source.Cell.Mean);
        Field<NonNullGraphType<CohortFigureType>>("median").Resolve(c => c.Source.Cell.Median);
    }
}

/// <summary>A published figure: a number, or a GSS symbol in its place.</summary>
public sealed class CohortFigureType : ObjectGraphType<PublishedValue>
{
    public CohortFigureType()
    {
        Name = "CohortFigure";
        Description = "A number, or in its place a GSS symbol: c confidential (suppressed), x not available (not asked for), z not applicable, k rounds to zero.";
        Field<FloatGraphType>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("symbol").Resolve(c => c.Source.Symbol?.Code());
        Field<NonNullGraphType<StringGraphType>>("text").Description("The figure as a table shows it: the number or the symbol.").Resolve(c => c.Source.ToString());
    }
}
