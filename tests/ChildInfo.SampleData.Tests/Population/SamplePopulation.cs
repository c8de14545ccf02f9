using ChildInfo.SampleData.Population;

namespace ChildInfo.SampleData.Tests.Population;

/// <summary>One population of 20,000 children shared by the tests that measure it (generated once per run).</summary>
internal static class SamplePopulation
{
    public const int Seed = 20261001;

    private static readonly Lazy<IReadOnlyList<SyntheticChild>> Children =
        new(() => new PopulationGenerator(Seed).Generate(20_000).ToArray());

    public static IReadOnlyList<SyntheticChild> TwentyThousand => Children.Value;

    public static DateOnly Today => PopulationGenerator.DefaultReferenceDate;

    public static int Age(SyntheticChild child) => child.AgeOn(Today);

    public static int NcYear(SyntheticChild child) => SchoolCalendar.NcYear(child.Truth.DateOfBirth, Today);

    public static bool IsPupil(SyntheticChild child) => child.Enrolments.Count > 0;

    public static bool IsPrimaryPupil(SyntheticChild child) => IsPupil(child) && NcYear(child) is >= 1 and <= 6;

    public static bool IsSecondaryPupil(SyntheticChild child) => IsPupil(child) && NcYear(child) is >= 7 and <= 11;

    public static IEnumerable<AgencyRecord> Records(SyntheticChild child)
    {
        if (child.Education is not null)
        {
            yield return child.Education;
        }

        if (child.EarlyYears is not null)
        {
            yield return child.EarlyYears;
        }

        if (child.SocialCare is not null)
        {
            yield return child.SocialCare;
        }

        if (child.VoluntarySector is not null)
        {
            yield return child.VoluntarySector;
        }
    }

    /// <summary>Share of <paramref name="among"/> for which <paramref name="condition"/> holds.</summary>
    public static double Share(IEnumerable<SyntheticChild> among, Func<SyntheticChild, bool> condition)
    {
        var total = 0;
        var hits = 0;
        foreach (var child in among)
        {
            total++;
            if (condition(child))
            {
                hits++;
            }
        }
        Assert.True(total > 0, "no children in the group measured");
        return (double)hits / total;
    }
}
