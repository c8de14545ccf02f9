using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Suppression;

public sealed class SecondarySuppressionTests(ITestOutputHelper output)
{
    private static readonly DisclosureRules Rules = DisclosureRules.GatewayDefault;

    /// <summary>Every suppressed count can be at least one lower and one higher than its truth, as far as the attacker can tell.</summary>
    private static void AssertProtected(CountTable table)
    {
        var published = DisclosureControl.Apply(table, Rules);
        var checker = new SuppressionChecker(table, SuppressionChecker.Suppressed(published));
        foreach (var position in checker.HiddenPositions)
        {
            var truth = checker.Truth(position);
            Assert.False(checker.Determined(position), $"position {position} is determined by the published counts");
            Assert.True(checker.Feasible(position, truth - 1), $"position {position} cannot be lower than its truth {truth}");
            Assert.True(checker.Feasible(position, truth + 1), $"position {position} cannot be higher than its truth {truth}");
        }
    }

    [Fact]
    public void OneWay_SmallCellBesideLargeOnes_WouldBeTotalMinusOthersWithoutSecondary()
    {
        var table = TestTables.OneWay([3, 40, 57]);

        var primaryOnly = new SuppressionChecker(table, SuppressionChecker.SmallCounts(table, 5));
        Assert.True(primaryOnly.Determined(0)); // 3 = 100 − 40 − 57

        var published = DisclosureControl.Apply(table, Rules);
        Assert.True(published.Cell(0).IsSuppressed);
        Assert.True(published.Cell(1).IsSuppressed); // the smallest other cell goes too
        Assert.False(published.Cell(2).IsSuppressed);
        Assert.False(published.GrandTotal.IsSuppressed);
        AssertProtected(table);
    }

    [Fact]
    public void TwoWay_SmallCell_WouldBeRecoveredFromItsRowWithoutSecondary()
    {
        var table = TestTables.TwoWay([[2, 30, 41], [25, 33, 18], [40, 12, 27]]);

        var primaryOnly = new SuppressionChecker(table, SuppressionChecker.SmallCounts(table, 5));
        Assert.True(primaryOnly.Determined(0));

        var published = DisclosureControl.Apply(table, Rules);
        Assert.Equal(4, SuppressionChecker.Suppressed(published).Count(s => s)); // one rectangle
        AssertProtected(table);
    }

    /// <summary>
    /// Two small cells in different rows and columns: suppressing a second cell in each row and column is not enough if
    /// the pattern has a bridge (the two rectangles joined through one cell). The rectangle rule covers each cell itself.
    /// </summary>
    [Fact]
    public void TwoWay_SeveralSmallCells_NoneRecoverable()
    {
        var table = TestTables.TwoWay([[1, 14, 9, 22], [17, 4, 13, 8], [11, 12, 3, 16], [15, 10, 19, 5]]);

        var primaryOnly = new SuppressionChecker(table, SuppressionChecker.SmallCounts(table, 5));
        Assert.Contains(primaryOnly.HiddenPositions, primaryOnly.Determined);
        AssertProtected(table);
    }

    [Fact]
    public void TwoWay_SmallRowTotal_IsSuppressedAndProtected()
    {
        // Row 0 totals 4: its cells are small too; the total must not be left as their sum.
        var table = TestTables.TwoWay([[1, 0, 3], [20, 31, 18], [40, 12, 27]]);

        var published = DisclosureControl.Apply(table, Rules);

        Assert.True(published.RowTotals[0].IsSuppressed);
        Assert.Equal("0", published.Cell(0, 1).Count.ToString()); // a true zero is published
        AssertProtected(table);
    }

    [Fact]
    public void TwoWay_ZerosAround_ComplementsAreNeverZero()
    {
        // No other non-zero cell shares a row with the small one: the rectangle must go through totals.
        var table = TestTables.TwoWay([[2, 0, 0], [0, 30, 18], [0, 12, 27]]);

        AssertProtected(table);
    }

    [Fact]
    public void RandomSmallTables_NoSuppressedCountRecoverable()
    {
        var random = new Random(17);
        var checkedCells = 0;
        for (var t = 0; t < 300; t++)
        {
            var rows = random.Next(1, 5);
            var columns = random.Next(1, 5);
            // Mostly small counts, with zeros, so suppression is busy.
            int[][] counts = [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => random.Next(4) == 0 ? 0 : random.Next(1, 25)).ToArray())];
            var table = random.Next(3) == 0 ? TestTables.OneWay([.. counts.Select(r => r[0])], prefix: $"T{t}-") : TestTables.TwoWay(counts, prefix: $"T{t}-");
            AssertProtected(table);
            checkedCells += SuppressionChecker.Suppressed(DisclosureControl.Apply(table, Rules)).Count(s => s);
        }
        output.WriteLine($"300 random tables, {checkedCells} suppressed counts, none recoverable by an attacker who knows every published count exactly.");
        Assert.True(checkedCells > 300);
    }

    [Fact]
    public void RandomLargerTables_NoSuppressedCountDeterminedByLinearAlgebra()
    {
        var random = new Random(23);
        for (var t = 0; t < 40; t++)
        {
            int rows = random.Next(5, 11), columns = random.Next(5, 11);
            int[][] counts = [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => random.Next(5) == 0 ? random.Next(0, 6) : random.Next(6, 60)).ToArray())];
            var table = TestTables.TwoWay(counts, linkedAgencies: random.Next(1, 3), prefix: $"L{t}-");
            var published = DisclosureControl.Apply(table, Rules);
            var checker = new SuppressionChecker(table, SuppressionChecker.Suppressed(published));
            Assert.All(checker.HiddenPositions, p => Assert.False(checker.Determined(p)));
        }
    }

    /// <summary>The largest table allowed, a third of its cells small: published, and every small count hidden.</summary>
    [Fact]
    public void LargestTable_ManySmallCells_AllHidden()
    {
        var random = new Random(31);
        int[][] counts = [.. Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 100).Select(_ => random.Next(3) == 0 ? random.Next(1, 6) : random.Next(6, 40)).ToArray())];
        var table = TestTables.TwoWay(counts);

        var published = DisclosureControl.Apply(table, Rules);

        Assert.Equal(CountTable.MaxCells, published.Cells.Count);
        Assert.All(table.Cells.Zip(published.Cells), p => Assert.True(p.First.Count > 5 || p.Second.IsSuppressed));
    }

    [Fact]
    public void SameTable_SamePattern()
    {
        var table = TestTables.TwoWay([[1, 14, 9, 22], [17, 4, 13, 8], [11, 12, 3, 16]]);

        Assert.Equal(SuppressionChecker.Suppressed(DisclosureControl.Apply(table, Rules)), SuppressionChecker.Suppressed(DisclosureControl.Apply(table, Rules)));
    }
}
