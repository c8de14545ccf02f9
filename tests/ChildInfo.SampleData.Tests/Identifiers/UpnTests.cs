using ChildInfo.SampleData.Identifiers;

namespace ChildInfo.SampleData.Tests.Identifiers;

public class UpnTests
{
    // Worked by hand from the rule: sum of (character at position i x i) for positions 2-13, mod 23, indexes
    // ABCDEFGHJKLMNPQRTUVWXYZ.
    //   999200125001: 9x2 + 9x3 + 9x4 + 2x5 + 0 + 0 + 1x8 + 2x9 + 5x10 + 0 + 0 + 1x13 = 180; 180 mod 23 = 19 -> W
    //   999204416000: 18 + 27 + 36 + 10 + 0 + 28 + 32 + 9 + 60 + 0 + 0 + 0 = 220; 220 mod 23 = 13 -> P
    //   999000000000: 18 + 27 + 36 = 81; 81 mod 23 = 12 -> N
    //   000000000000: 0 -> A
    [Theory]
    [InlineData("999200125001", 'W')]
    [InlineData("999204416000", 'P')]
    [InlineData("999000000000", 'N')]
    [InlineData("000000000000", 'A')]
    public void CheckLetter_KnownExamples_MatchHandWorkedValues(string digits, char expected)
    {
        Assert.Equal(expected, Upn.CheckLetter(digits));
    }

    [Fact]
    public void CheckLetter_TemporaryUpn_CountsFinalLetterByItsPlaceInTheCheckAlphabet()
    {
        // 99920011910A: 18 + 27 + 36 + 10 + 0 + 0 + 8 + 9 + 90 + 11 + 0 + (A = 0) x 13 = 209; 209 mod 23 = 2 -> C
        Assert.Equal('C', Upn.CheckLetter("99920011910A"));
        Assert.True(Upn.IsValid("C99920011910A"));
    }

    [Fact]
    public void Create_PutsLaCodeEstablishmentYearAndSerialInPlace()
    {
        var upn = Upn.Create(999, 2001, 2025, 1);

        Assert.Equal("W999200125001", upn);
        Assert.True(Upn.IsValid(upn));
    }

    [Theory]
    [InlineData("A999200125001")]
    [InlineData("W99920012500")]
    [InlineData("W9992001250011")]
    [InlineData("W99920X125001")]
    [InlineData(null)]
    public void IsValid_WrongLetterLengthOrCharacters_IsFalse(string? upn)
    {
        Assert.False(Upn.IsValid(upn));
    }
}
