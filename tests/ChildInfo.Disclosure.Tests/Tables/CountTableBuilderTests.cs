using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Tables;

public sealed class CountTableBuilderTests
{
    [Fact]
    public void Build_CountsKeysAndTotals_MatchAnIndependentCount()
    {
        var population = new SyntheticPopulation(2_000, seed: 3, TestTables.Keys);
        var builder = new CountTableBuilder([SyntheticPopulation.Needs, SyntheticPopulation.Sexes], TestTables.Keys);
        foreach (var child in population.Children)
        {
            builder.Add(child.Key, SyntheticPopulation.Needs.Categories[child.Need], SyntheticPopulation.Sexes.Categories[child.Sex]);
        }

        var built = builder.Build();
        var expected = SyntheticPopulation.Count(population.Children, bySex: true);

        Assert.Equal(expected.Cells, built.Cells);
        Assert.Equal(expected.RowTotals, built.RowTotals);
        Assert.Equal(expected.ColumnTotals, built.ColumnTotals);
        Assert.Equal(expected.GrandTotal, built.GrandTotal);
        Assert.Equal(2_000, built.GrandTotal.Count);
    }

    [Fact]
    public void Build_WithMeasure_GivesMeanMedianAndBase_EveryCellCarriesOne()
    {
        var builder = new CountTableBuilder([new Dimension("team", ["north", "south"])], TestTables.Keys);
        double?[] north = [80, 90, 95, null, 100];
        for (var i = 0; i < north.Length; i++)
        {
            builder.Add($"N{i}", "north", measure: north[i]);
        }

        builder.Add("S0", "south");

        var table = builder.Build();

        Assert.Equal(new Measure(91.25, 92.5, 4), table.Cells[0].Measure);
        Assert.Equal(new Measure(0, 0, 0), table.Cells[1].Measure);
        Assert.Equal(4, table.GrandTotal.Measure!.BaseCount);
        Assert.Equal(6, table.GrandTotal.Count);
    }
}
