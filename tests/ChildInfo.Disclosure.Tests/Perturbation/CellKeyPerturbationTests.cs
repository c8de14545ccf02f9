using ChildInfo.Disclosure.Perturbation;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Perturbation;

public sealed class CellKeyPerturbationTests
{
    private static readonly DisclosureRules Rules = DisclosureRules.GatewayDefault;

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(6, 0, 5)]
    [InlineData(6, 255, 5)]
    [InlineData(7, 0, 10)]
    [InlineData(7, 127, 10)]
    [InlineData(7, 128, 5)]
    [InlineData(8, 200, 10)]
    [InlineData(10, 99, 10)]
    [InlineData(1002, 128, 1000)]
    public void KeyedRounding_Base5_NearestMultipleAndKeyAtTheMidpoint(long value, int cellKey, long expected)
    {
        Assert.Equal(expected, PerturbationTable.KeyedRounding(5).Publish(value, cellKey));
    }

    [Fact]
    public void KeyedRounding_Base1_LeavesCountsExact()
    {
        var table = PerturbationTable.KeyedRounding(1);
        Assert.All(Enumerable.Range(0, 50), v => Assert.Equal(v, table.Publish(v, v * 5 % 256)));
    }

    [Fact]
    public void SameTable_AskedAgainInAnyOrder_GetsTheSameAnswer()
    {
        var children = Enumerable.Range(0, 300).Select(i => ($"K{i}", $"need{i % 3}")).ToList();
        string Csv(IEnumerable<(string Key, string Need)> order)
        {
            var builder = new CountTableBuilder([new Dimension("need", ["need0", "need1", "need2"])], TestTables.Keys);
            foreach (var (key, need) in order)
            {
                builder.Add(key, need);
            }

            return DisclosureControl.Apply(builder.Build(), Rules).ToCsv();
        }

        var first = Csv(children);
        Assert.All(Enumerable.Range(1, 20), seed => Assert.Equal(first, Csv(children.OrderBy(_ => new Random(seed).Next()))));
    }

    /// <summary>
    /// The same children get the same figure however the question is sliced: girls with need N1 as a cell of need by sex,
    /// and as a cell of need among girls only; need N1 as a row total (rounded further) and as a cell of need alone.
    /// </summary>
    [Fact]
    public void SameChildren_SlicedDifferently_GetTheSameFigure()
    {
        var population = new SyntheticPopulation(3_000, seed: 11, TestTables.Keys);
        var bySex = DisclosureControl.Apply(SyntheticPopulation.Count(population.Children, bySex: true), Rules);
        var girlsOnly = DisclosureControl.Apply(SyntheticPopulation.Count(population.Children.Where(c => c.Sex == 0)), Rules);
        var byNeed = DisclosureControl.Apply(SyntheticPopulation.Count(population.Children), Rules);

        for (var need = 0; need < 8; need++)
        {
            Assert.Equal(girlsOnly.Cell(need).Count, bySex.Cell(need, 0).Count);
            var asCell = byNeed.Cell(need).Count.Value!.Value;
            Assert.Equal(Math.Max(10, Math.Round(asCell / 10, MidpointRounding.ToEven) * 10), bySex.RowTotals[need].Count.Value); // the total is the cell figure rounded to 10
        }
    }

    /// <summary>Rounding of totals and cells: two cohorts differing by one child, exact counts name the child's category.</summary>
    [Fact]
    public void OneChildMore_ExactCountsShowItsCategory_PublishedTablesAreIdentical()
    {
        // Category A has 9 children with X and 8 without; B has 20. Totals 29 and 28.
        var with = TestTables.OneWay([9, 20]);
        var without = TestTables.OneWay([8, 20]);
        var exact = Rules with { CellRoundingBase = 1, TotalRoundingBase = 1 };

        Assert.NotEqual(DisclosureControl.Apply(with, exact).ToCsv(), DisclosureControl.Apply(without, exact).ToCsv());
        Assert.Equal(DisclosureControl.Apply(with, Rules).ToCsv(), DisclosureControl.Apply(without, Rules).ToCsv());
    }

    [Fact]
    public void PublishedCells_StayWithinHalfAStepOfTheTruth()
    {
        var random = new Random(3);
        for (var t = 0; t < 100; t++)
        {
            int[] counts = [.. Enumerable.Range(0, 6).Select(_ => random.Next(6, 500))];
            var table = TestTables.OneWay(counts, prefix: $"H{t}-");
            var published = DisclosureControl.Apply(table, Rules);
            for (var i = 0; i < counts.Length; i++)
            {
                Assert.InRange(published.Cell(i).Count.Value!.Value, counts[i] - 2, counts[i] + 3);
            }

            Assert.InRange(published.GrandTotal.Count.Value!.Value, counts.Sum() - 7, counts.Sum() + 8);
        }
    }
}
