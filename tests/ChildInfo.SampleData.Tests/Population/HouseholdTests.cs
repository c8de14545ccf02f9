using ChildInfo.SampleData.Population;
using static ChildInfo.SampleData.Tests.Population.SamplePopulation;

namespace ChildInfo.SampleData.Tests.Population;

public class HouseholdTests
{
    private static IReadOnlyList<IGrouping<string, SyntheticChild>> Households { get; } =
        TwentyThousand.GroupBy(c => c.HouseholdId).ToArray();

    [Fact]
    public void Households_HoldOneToFourChildren_MostlyOneOrTwo()
    {
        Assert.All(Households, h => Assert.InRange(h.Count(), 1, 4));
        var oneOrTwo = Households.Count(h => h.Count() <= 2) / (double)Households.Count;
        Assert.InRange(oneOrTwo, 0.75, 0.92);
        Assert.Contains(Households, h => h.Count() == 4);
    }

    [Fact]
    public void Siblings_ListEachOtherAndNobodyElse()
    {
        foreach (var household in Households)
        {
            var ids = household.Select(c => c.ChildId).ToHashSet();
            foreach (var child in household)
            {
                Assert.Equal(ids.Count - 1, child.SiblingIds.Count);
                Assert.DoesNotContain(child.ChildId, child.SiblingIds);
                Assert.All(child.SiblingIds, id => Assert.Contains(id, ids));
            }
        }
    }

    [Fact]
    public void Siblings_SharePostcodeEthnicityAndUsuallySurname()
    {
        var multi = Households.Where(h => h.Count() > 1).ToArray();
        Assert.All(multi, h =>
        {
            Assert.Single(h.Select(c => c.Truth.Postcode).Distinct());
            Assert.Single(h.Select(c => c.Ethnicity).Distinct());
        });
        var mixedSurnames = multi.Count(h => h.Select(c => c.Truth.Surname).Distinct().Count() > 1) / (double)multi.Length;
        // Step-families: some brothers and sisters carry a different surname.
        Assert.InRange(mixedSurnames, 0.08, 0.25);
    }

    [Fact]
    public void Siblings_AreSpacedLikeRealFamilies_WithSomeTwins()
    {
        var multi = Households.Where(h => h.Count() > 1).ToArray();
        var twins = multi.Count(h => h.Select(c => c.Truth.DateOfBirth).Distinct().Count() < h.Count());
        Assert.InRange(twins / (double)multi.Length, 0.01, 0.08);
        var gaps = multi.SelectMany(h => h.Zip(h.Skip(1), (a, b) => Math.Abs(b.Truth.DateOfBirth.DayNumber - a.Truth.DateOfBirth.DayNumber))).Where(g => g > 0).ToArray();
        Assert.All(gaps, g => Assert.True(g >= 300, $"siblings born {g} days apart"));
        var distinctNames = multi.Count(h => h.Select(c => c.Truth.Forename).Distinct().Count() == h.Count()) / (double)multi.Length;
        Assert.True(distinctNames > 0.98, $"only {distinctNames:P1} of households give each child a different forename");
    }

    [Fact]
    public void Siblings_AreNextToEachOtherInSequence()
    {
        Assert.All(Households, h =>
        {
            var sequences = h.Select(c => c.Sequence).Order().ToArray();
            Assert.Equal(sequences.Length - 1, sequences[^1] - sequences[0]);
        });
    }
}
