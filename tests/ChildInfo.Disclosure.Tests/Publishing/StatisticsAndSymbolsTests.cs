using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Publishing;

public sealed class StatisticsAndSymbolsTests
{
    private static readonly DisclosureRules Rules = DisclosureRules.GatewayDefault;

    /// <summary>One dimension with given counts and, per cell, the measure's base and mean.</summary>
    private static CountTable WithMeasures(params (long Count, long Base, double Mean)[] cells)
    {
        var key = 0;
        var total = cells.Sum(c => c.Count);
        return new CountTable
        {
            Dimensions = [TestTables.Dimension("team", cells.Length)],
            Cells = [.. cells.Select(c => new CountCell(c.Count, 0, new Measure(c.Mean, c.Mean, c.Base)))],
            GrandTotal = new CountCell(total, key, new Measure(90, 90, cells.Sum(c => c.Base))),
        };
    }

    /// <summary>
    /// Twelve children in the team but only two attendance rates: an analyst who knows one child's rate gets the other's
    /// from the mean. With the rule, the mean is <c>c</c>.
    /// </summary>
    [Fact]
    public void MeanOnFewerThanTenChildren_WouldGiveAwayOneChildsValue_IsConfidential()
    {
        var table = WithMeasures((12, 2, 81.5), (40, 40, 92.25));

        var withoutRule = DisclosureControl.Apply(table, Rules with { MinimumStatisticBase = 1 });
        Assert.Equal(81.5, withoutRule.Cell(0).Mean.Value);

        var published = DisclosureControl.Apply(table, Rules);
        Assert.Equal(GssSymbol.Confidential, published.Cell(0).Mean.Symbol);
        Assert.Equal(GssSymbol.Confidential, published.Cell(0).Median.Symbol);
        Assert.Equal(92.3, published.Cell(1).Mean.Value); // base 40: published, to one decimal place
    }

    [Fact]
    public void MeanOfASuppressedCell_IsConfidential_EvenOnTenValues()
    {
        var published = DisclosureControl.Apply(WithMeasures((4, 4, 70), (40, 40, 92), (55, 55, 95)), Rules with { MinimumStatisticBase = 1 });

        Assert.Equal(GssSymbol.Confidential, published.Cell(0).Mean.Symbol);
    }

    [Fact]
    public void MeanOverNoValues_IsNotApplicable_AndNoMeasure_IsNotAvailable()
    {
        var noValues = DisclosureControl.Apply(WithMeasures((20, 0, 0), (40, 40, 92)), Rules);
        Assert.Equal(GssSymbol.NotApplicable, noValues.Cell(0).Mean.Symbol);

        var noMeasure = DisclosureControl.Apply(TestTables.OneWay([20, 40]), Rules);
        Assert.False(noMeasure.HasMeasure);
        Assert.Equal("x", noMeasure.Cell(0).Mean.ToString());
    }

    /// <summary>
    /// A row of 8 children, all in one column: 100% would tell the analyst that every child in that row has the
    /// attribute. Percentages need a base of at least 10.
    /// </summary>
    [Fact]
    public void PercentageOnABaseUnderTen_WouldDiscloseTheWholeGroup_IsConfidential()
    {
        var table = TestTables.TwoWay([[0, 8], [30, 45], [25, 60]]);

        var withoutRule = DisclosureControl.Apply(table, Rules with { MinimumStatisticBase = 1 });
        Assert.Equal(100, withoutRule.Cell(0, 1).Percentage.Value);

        var published = DisclosureControl.Apply(table, Rules);
        Assert.Equal(GssSymbol.Confidential, published.Cell(0, 1).Percentage.Symbol);
        Assert.Equal(GssSymbol.Confidential, published.Cell(0, 0).Percentage.Symbol);
        Assert.NotNull(published.Cell(1, 1).Percentage.Value);
    }

    [Fact]
    public void PercentageOfASuppressedCountOrBase_IsConfidential()
    {
        var published = DisclosureControl.Apply(TestTables.TwoWay([[3, 40, 20], [30, 45, 12], [25, 60, 31]]), Rules);

        Assert.All(published.Cells.Where(c => c.IsSuppressed), c => Assert.Equal(GssSymbol.Confidential, c.Percentage.Symbol));
        Assert.Equal(GssSymbol.NotApplicable, published.GrandTotal.Percentage.Symbol);
    }

    [Fact]
    public void EmptyRow_PercentagesAreNotApplicable()
    {
        var published = DisclosureControl.Apply(TestTables.TwoWay([[0, 0], [30, 45], [25, 60]]), Rules);

        Assert.Equal(GssSymbol.NotApplicable, published.Cell(0, 0).Percentage.Symbol);
    }

    /// <summary>Under rules without primary suppression (say, national figures), a count that rounds to zero shows <c>k</c>, never 0.</summary>
    [Fact]
    public void NonZeroThatRoundsToZero_IsLow()
    {
        var published = DisclosureControl.Apply(TestTables.OneWay([2, 20_000]), Rules with { SuppressUpTo = 0, LinkedSuppressUpTo = 0 });

        Assert.Equal("k", published.Cell(0).Count.ToString());
    }

    [Fact]
    public void PercentageThatRoundsToZero_IsLow()
    {
        var published = DisclosureControl.Apply(TestTables.OneWay([6, 20_000]), Rules);

        Assert.Equal(GssSymbol.Low, published.Cell(0).Percentage.Symbol);
    }

    [Fact]
    public void Csv_ShowsSymbols_AndDefusesFormulaLabels()
    {
        var table = new CountTable
        {
            Dimensions = [new Dimension("team", ["=HYPERLINK(1)", "North, East"])],
            Cells = [new CountCell(3, 1), new CountCell(40, 2)],
            GrandTotal = new CountCell(43, CellKey.Combine(1, 2)),
        };

        var csv = DisclosureControl.Apply(table, Rules).ToCsv();

        Assert.Equal("team,children,percentage\r\n'=HYPERLINK(1),c,c\r\n\"North, East\",c,c\r\nTotal,40,z\r\n", csv);
    }
}
