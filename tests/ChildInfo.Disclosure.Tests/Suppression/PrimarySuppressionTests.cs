using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Suppression;

public sealed class PrimarySuppressionTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void SingleAgency_CountsOneToFive_AreConfidential(int count, bool suppressed)
    {
        var published = DisclosureControl.Apply(TestTables.OneWay([count, 50, 60]), DisclosureRules.GatewayDefault);

        Assert.Equal(suppressed, published.Cell(0).IsSuppressed);
        if (suppressed)
        {
            Assert.Equal("c", published.Cell(0).Count.ToString());
        }
    }

    /// <summary>Three children with a need in a ward: without the rule an analyst reads 3, and the family is easy to find.</summary>
    [Fact]
    public void SmallCount_WouldBePublishedExactlyWithoutTheRule()
    {
        var table = TestTables.OneWay([3, 50, 60]);
        var noRules = new DisclosureRules { SuppressUpTo = 0, LinkedSuppressUpTo = 0, CellRoundingBase = 1, TotalRoundingBase = 1 };

        Assert.Equal(3, DisclosureControl.Apply(table, noRules).Cell(0).Count.Value);
        Assert.True(DisclosureControl.Apply(table, DisclosureRules.GatewayDefault).Cell(0).IsSuppressed);
    }

    [Fact]
    public void Zero_IsPublishedAsZero()
    {
        var published = DisclosureControl.Apply(TestTables.OneWay([0, 50, 60]), DisclosureRules.GatewayDefault);

        Assert.Equal(0, published.Cell(0).Count.Value);
        Assert.Equal(0, published.SuppressedCount);
    }

    /// <summary>A count of 7 children found in two agencies' records is published under the single-agency rule; linking makes it <c>c</c>.</summary>
    [Fact]
    public void TwoAgenciesLinked_CountUnderTen_IsConfidential()
    {
        var singleAgencyRule = DisclosureControl.Apply(TestTables.OneWay([7, 50, 60], linkedAgencies: 2), DisclosureRules.GatewayDefault with { LinkedSuppressUpTo = 5 });
        Assert.False(singleAgencyRule.Cell(0).IsSuppressed); // would leak

        var published = DisclosureControl.Apply(TestTables.OneWay([7, 50, 60], linkedAgencies: 2), DisclosureRules.GatewayDefault);
        Assert.True(published.Cell(0).IsSuppressed);
        Assert.Equal(9, published.SuppressedUpTo);

        var tenChildren = DisclosureControl.Apply(TestTables.OneWay([10, 50, 60], linkedAgencies: 2), DisclosureRules.GatewayDefault);
        Assert.False(tenChildren.Cell(0).IsSuppressed);
    }

    [Fact]
    public void NothingPublished_IsSmallerThanTheThreshold()
    {
        var random = new Random(5);
        for (var t = 0; t < 200; t++)
        {
            int[][] counts = [.. Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 3).Select(_ => random.Next(0, 15)).ToArray())];
            var linked = random.Next(1, 3);
            var published = DisclosureControl.Apply(TestTables.TwoWay(counts, linked, prefix: $"P{t}-"), DisclosureRules.GatewayDefault);
            var all = published.Cells.Concat(published.RowTotals).Concat(published.ColumnTotals).Append(published.GrandTotal);
            // A published figure that is not zero stands for at least threshold + 1 children (perturbation never goes below the threshold: 6 → 5 at the lowest).
            Assert.All(all.Where(c => c.Count.Value is > 0), c => Assert.True(c.Count.Value >= 5));
            Assert.All(all, c => Assert.NotEqual(GssSymbol.Low, c.Count.Symbol));
        }
    }
}
