using ChildInfo.SampleData.Identifiers;

namespace ChildInfo.SampleData.Tests.Identifiers;

public class NhsNumberTests
{
    [Fact]
    public void IsValid_PublishedExample_IsTrue()
    {
        // 943 476 5919: 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
        Assert.True(NhsNumber.IsValid("9434765919"));
        Assert.False(NhsNumber.IsSynthetic("9434765919"));
    }

    [Theory]
    [InlineData("9434765918")]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("94347659X9")]
    [InlineData(null)]
    public void IsValid_WrongCheckDigitOrShape_IsFalse(string? number)
    {
        Assert.False(NhsNumber.IsValid(number));
    }

    [Fact]
    public void TryCreateSynthetic_SerialWhoseCheckWouldBeTen_HasNoNumber()
    {
        // 999000000: 9x10 + 9x9 + 9x8 = 243; 243 mod 11 = 1; 11 - 1 = 10, which no number may have.
        Assert.Null(NhsNumber.TryCreateSynthetic(0));
    }

    [Fact]
    public void TryCreateSynthetic_SerialOne_HandWorkedNumber()
    {
        // 999000001: 243 + 1x2 = 245; 245 mod 11 = 3; 11 - 3 = 8.
        Assert.Equal("9990000018", NhsNumber.TryCreateSynthetic(1));
    }

    [Fact]
    public void TryCreateSynthetic_EveryNumber_IsValidInThe999RangeAndDistinct()
    {
        var seen = new HashSet<string>();
        var missing = 0;
        for (var serial = 0; serial < 20_000; serial++)
        {
            var number = NhsNumber.TryCreateSynthetic(serial);
            if (number is null)
            {
                missing++;
                continue;
            }
            Assert.True(NhsNumber.IsSynthetic(number), number);
            Assert.True(seen.Add(number), number);
        }
        // About one serial in eleven has no valid check digit.
        Assert.InRange(missing, 20_000 / 11 - 200, 20_000 / 11 + 200);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void TryCreateSynthetic_OutOfRange_IsNull(int serial)
    {
        Assert.Null(NhsNumber.TryCreateSynthetic(serial));
    }

    [Fact]
    public void SyntheticNhsNumbers_HandsOutDistinctNumbersUntilTheRangeIsUsedUp()
    {
        var numbers = new SyntheticNhsNumbers(seed: 3);
        var seen = new HashSet<string>();
        for (var sequence = 0; sequence < 50_000; sequence++)
        {
            var number = numbers.For(sequence);
            Assert.NotNull(number);
            Assert.True(NhsNumber.IsSynthetic(number));
            Assert.True(seen.Add(number!));
        }
        Assert.InRange(SyntheticNhsNumbers.Capacity, 900_000, 920_000);
        Assert.Null(numbers.For(SyntheticNhsNumbers.Capacity));
        Assert.NotNull(numbers.For(SyntheticNhsNumbers.Capacity - 1));
    }
}
