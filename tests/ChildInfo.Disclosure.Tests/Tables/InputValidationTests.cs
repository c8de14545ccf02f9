using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Tables;

public sealed class InputValidationTests
{
    private static readonly DisclosureRules Rules = DisclosureRules.GatewayDefault;

    private static readonly CountTable Valid = TestTables.OneWay([12, 30]);

    private static void AssertRefused(string code, Func<object?> act)
    {
        var error = Assert.Throws<DisclosureInputException>(act);
        Assert.Equal(code, error.Code);
        if (code != DisclosureErrorCodes.InvalidRules) // a table's error never repeats its counts (the limits are no secret)
        {
            Assert.DoesNotMatch("[0-9]{2,}", error.Message.Replace(CountTable.MaxCells.ToString(), "", StringComparison.Ordinal)
                .Replace(CountTable.MaxCount.ToString(), "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NegativeCount_IsRefused() =>
        AssertRefused(DisclosureErrorCodes.NegativeCount, () => DisclosureControl.Apply(Valid with { Cells = [new CountCell(-3, Valid.Cells[0].CellKey), Valid.Cells[1]], GrandTotal = Valid.GrandTotal with { Count = 27 } }, Rules));

    [Fact]
    public void TotalNotTheSumOfCells_IsRefused() =>
        AssertRefused(DisclosureErrorCodes.InconsistentTotal, () => DisclosureControl.Apply(Valid with { GrandTotal = Valid.GrandTotal with { Count = 41 } }, Rules));

    [Fact]
    public void RowTotalNotTheSumOfItsRow_IsRefused()
    {
        var table = TestTables.TwoWay([[12, 30], [20, 25]]);
        AssertRefused(DisclosureErrorCodes.InconsistentTotal, () => DisclosureControl.Apply(table with { RowTotals = [table.RowTotals[0] with { Count = 43 }, table.RowTotals[1]] }, Rules));
    }

    [Fact]
    public void TotalCountingOtherChildren_IsRefusedByItsKey() =>
        AssertRefused(DisclosureErrorCodes.InvalidCellKey, () => DisclosureControl.Apply(Valid with { GrandTotal = Valid.GrandTotal with { CellKey = (Valid.GrandTotal.CellKey + 1) % CellKey.Range } }, Rules));

    [Fact]
    public void ThreeDimensions_AreRefused()
    {
        AssertRefused(DisclosureErrorCodes.TooManyDimensions, () => DisclosureControl.Apply(Valid with { Dimensions = [TestTables.Dimension("a", 2), TestTables.Dimension("b", 1), TestTables.Dimension("c", 1)] }, Rules));
        AssertRefused(DisclosureErrorCodes.TooManyDimensions, () => new CountTableBuilder([TestTables.Dimension("a", 2), TestTables.Dimension("b", 2), TestTables.Dimension("c", 2)], TestTables.Keys));
    }

    [Fact]
    public void NoDimensions_AreRefused() =>
        AssertRefused(DisclosureErrorCodes.NoDimensions, () => DisclosureControl.Apply(Valid with { Dimensions = [] }, Rules));

    [Fact]
    public void TooManyCells_AreRefusedBeforeAnyWork() =>
        AssertRefused(DisclosureErrorCodes.TooManyCells, () => new CountTableBuilder([TestTables.Dimension("lsoa", 5_000), TestTables.Dimension("age", 2)], TestTables.Keys));

    [Fact]
    public void CellsNotMatchingTheDimensions_AreRefused() =>
        AssertRefused(DisclosureErrorCodes.ShapeMismatch, () => DisclosureControl.Apply(Valid with { Dimensions = [TestTables.Dimension("a", 3)] }, Rules));

    [Fact]
    public void DuplicateCategories_AreRefused() =>
        AssertRefused(DisclosureErrorCodes.ShapeMismatch, () => DisclosureControl.Apply(Valid with { Dimensions = [new Dimension("a", ["x", "x"])] }, Rules));

    [Fact]
    public void AbsurdCount_IsRefused() =>
        AssertRefused(DisclosureErrorCodes.CountTooLarge, () => DisclosureControl.Apply(Valid with { Cells = [new CountCell(long.MaxValue - 5, 0), Valid.Cells[1]] }, Rules));

    [Fact]
    public void MeasureOnMoreChildrenThanTheCell_IsRefused() =>
        AssertRefused(DisclosureErrorCodes.InvalidMeasure, () => DisclosureControl.Apply(Valid with { Cells = [Valid.Cells[0] with { Measure = new Measure(90, 90, 13) }, Valid.Cells[1]] }, Rules));

    [Fact]
    public void MeasureNotANumber_IsRefused()
    {
        AssertRefused(DisclosureErrorCodes.InvalidMeasure, () => DisclosureControl.Apply(Valid with { Cells = [Valid.Cells[0] with { Measure = new Measure(double.NaN, 90, 12) }, Valid.Cells[1]] }, Rules));
        var builder = new CountTableBuilder([TestTables.Dimension("a", 1)], TestTables.Keys);
        AssertRefused(DisclosureErrorCodes.InvalidMeasure, () => { builder.Add("K1", "a1", measure: double.PositiveInfinity); return null; });
    }

    [Fact]
    public void UnknownCategory_OrMissingColumn_IsRefusedByTheBuilder()
    {
        var builder = new CountTableBuilder([TestTables.Dimension("a", 2), TestTables.Dimension("b", 2)], TestTables.Keys);
        AssertRefused(DisclosureErrorCodes.UnknownCategory, () => { builder.Add("K1", "a9", "b1"); return null; });
        AssertRefused(DisclosureErrorCodes.ShapeMismatch, () => { builder.Add("K1", "a1"); return null; });
    }

    [Fact]
    public void UnusableRules_AreRefused()
    {
        AssertRefused(DisclosureErrorCodes.InvalidRules, () => DisclosureControl.Apply(Valid, Rules with { CellRoundingBase = 0 }));
        AssertRefused(DisclosureErrorCodes.InvalidRules, () => DisclosureControl.Apply(Valid, Rules with { LinkedSuppressUpTo = 3 }));
        AssertRefused(DisclosureErrorCodes.InvalidRules, () => DisclosureControl.Apply(Valid, null!));
    }

    [Fact]
    public void NullTable_IsRefused() =>
        AssertRefused(DisclosureErrorCodes.InvalidTable, () => DisclosureControl.Apply(null!, Rules));

    /// <summary>Whatever shape and numbers come in, the library publishes or refuses with its one exception: nothing else escapes.</summary>
    [Fact]
    public void RandomGarbage_EitherPublishesOrRefusesCleanly()
    {
        var random = new Random(41);
        var refused = 0;
        for (var t = 0; t < 2_000; t++)
        {
            var dimensions = Enumerable.Range(0, random.Next(0, 4)).Select(d => TestTables.Dimension($"d{d}", random.Next(0, 4))).ToList();
            CountCell Cell() => new(random.Next(-2, 30), random.Next(-1, 258), random.Next(6) == 0 ? new Measure(random.NextDouble() * 100, random.Next(3) == 0 ? double.NaN : 50, random.Next(-1, 20)) : null);
            var table = new CountTable
            {
                Dimensions = dimensions,
                Cells = [.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => Cell())],
                RowTotals = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Cell())],
                ColumnTotals = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Cell())],
                GrandTotal = Cell(),
                LinkedAgencies = random.Next(-1, 4),
            };
            try
            {
                DisclosureControl.Apply(table, Rules);
            }
            catch (DisclosureInputException)
            {
                refused++;
            }
        }
        Assert.True(refused > 1_000);
    }
}
