using System.Globalization;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// Stands in for a real youth justice service's own records: a real service holds its cases in its case management
/// system and matches each child to the child index when it takes them on. For the demo, the cases are made up
/// for real children of the demo's index, so a joined-up query through the gateway finds them. Which children, and
/// what their cases hold, depends only on each child's id and the index's own date (<see cref="StableDraws"/>):
/// the same child-index file always gives the same cases.
/// </summary>
public static class CaseGenerator
{
    public static SeedData Generate(ChildIndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var people = new List<YouthJusticePerson>();
        var cases = new List<YouthJusticeCase>();
        var voices = new List<ChildVoice>();
        var preferences = new List<DataUsePreference>();
        foreach (var child in index.Children.OrderBy(c => c.ChildId, StringComparer.Ordinal))
        {
            var age = AgeOn(child.DateOfBirth, index.AsOf);
            if (age is < 10 or > 17)
            {
                continue;
            }

            var draws = StableDraws.For(child.ChildId);
            if (!draws.Chance(CaseDistributions.PerTenThousandByAge[age - 10] / 10_000.0 * CaseDistributions.SexFactor(child.Sex)))
            {
                continue;
            }

            var personId = Id("YP", people.Count + 1);
            var caseNumber = cases.Count;
            var childCases = CasePlanner.Plan(child, personId, () => Id("YJC", ++caseNumber), index.AsOf, draws);
            if (childCases.Count == 0)
            {
                continue;
            }

            people.Add(new YouthJusticePerson(personId, child.ChildId, child.Forename, child.Surname, child.DateOfBirth, child.Sex, childCases[0].OutcomeDate));
            foreach (var yjCase in childCases)
            {
                cases.Add(yjCase);
                if (CaseVoices.For(yjCase, Id("YJV", voices.Count + 1), draws) is { } voice)
                {
                    voices.Add(voice);
                }

                if (CaseVoices.PreferenceFor(yjCase, Id("YJD", preferences.Count + 1), draws) is { } preference)
                {
                    preferences.Add(preference);
                }
            }
        }
        return new SeedData(people, cases, voices, preferences);
    }

    /// <summary>Whole years from <paramref name="dateOfBirth"/> to <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    private static string Id(string prefix, int number) => prefix + "-" + number.ToString("000000", CultureInfo.InvariantCulture);
}
