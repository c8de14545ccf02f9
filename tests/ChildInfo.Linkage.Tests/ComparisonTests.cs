using ChildInfo.Linkage.Blocking;
using ChildInfo.Linkage.Comparison;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Tests;

public sealed class ComparisonTests
{
    private static readonly LinkageRecord Base = new("education", "E1", "Oliver", "James", "Khan", 'M', new DateOnly(2015, 3, 7), "NS1 4AB", null, "A123456789012");

    private static string Level(string field, LinkageRecord a, LinkageRecord b)
    {
        var comparison = FieldComparison.Standard.Single(c => c.Field == field);
        var level = comparison.Compare(new PreparedRecord(a, 0), new PreparedRecord(b, 1));
        return level == FieldComparison.Missing ? "missing" : comparison.Levels[level];
    }

    [Fact]
    public void Typo_InTheSurname_IsNearlyTheSame() =>
        Assert.Equal("nearly the same (a typing slip)", Level("surname", Base, Base with { Surname = "Kahn" }));

    [Fact]
    public void DayAndMonthSwapped_IsItsOwnLevel() =>
        Assert.Equal("day and month swapped", Level("dateOfBirth", Base, Base with { DateOfBirth = new DateOnly(2015, 7, 3) }));

    [Fact]
    public void OneDigitWrongInTheDate_IsTwoOfThree() =>
        Assert.Equal("two of day, month and year the same", Level("dateOfBirth", Base, Base with { DateOfBirth = new DateOnly(2015, 3, 17) }));

    [Fact]
    public void KnownByTheirMiddleName_IsItsOwnLevel() =>
        Assert.Equal("one is the other's middle name", Level("forename", Base, Base with { Forename = "James", MiddleName = null }));

    [Fact]
    public void ShortForm_AgreesOnTheInitialOnly() =>
        Assert.Equal("the same first letter", Level("forename", Base, Base with { Forename = "Ollie" }));

    [Fact]
    public void DoubleSurname_SharesAPart() =>
        Assert.Equal("one part of a double surname the same", Level("surname", Base, Base with { Surname = "Khan-Smith" }));

    [Fact]
    public void PreviousPostcodeInTheSameSector_IsCloserThanAnotherDistrict()
    {
        Assert.Equal("the same sector (a few streets)", Level("postcode", Base, Base with { Postcode = "NS1 4ZZ" }));
        Assert.Equal("the same district", Level("postcode", Base, Base with { Postcode = "NS1 9AB" }));
        Assert.Equal("different", Level("postcode", Base, Base with { Postcode = "NS7 4AB" }));
    }

    [Fact]
    public void MissingOnEitherSide_WeighsNothing()
    {
        Assert.Equal("missing", Level("nhsNumber", Base, Base with { NhsNumber = "9990001234" }));
        Assert.Equal("missing", Level("sex", Base, Base with { Sex = 'U' }));
    }

    [Fact]
    public void Names_AreComparedWithoutCaseAccentsOrPunctuation() =>
        Assert.Equal("the same", Level("surname", Base with { Surname = "O'Brien" }, Base with { Surname = "o brien" }));

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void JaroWinkler_GivesThePublishedValues(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("ROBERT", "R163")]
    [InlineData("RUPERT", "R163")]
    [InlineData("ASHCRAFT", "A261")]
    [InlineData("TYMCZAK", "T522")]
    [InlineData("PFISTER", "P236")]
    public void Soundex_GivesTheStandardCodes(string name, string code) => Assert.Equal(code, BlockingKeys.Soundex(name));
}
