using ChildInfo.Linkage.Records;
using ChildInfo.SampleData.Population;

namespace ChildInfo.Linkage.Store.Tests;

/// <summary>A small generated population as the linkage job reads it, with each record's true child kept apart.</summary>
public sealed class Population
{
    public List<LinkageRecord> Records { get; } = [];

    public Dictionary<string, string> ChildOf { get; } = new(StringComparer.Ordinal);

    public static Population Generate(int children, int seed)
    {
        var population = new Population();
        foreach (var child in new PopulationGenerator(seed).Generate(children))
        {
            foreach (var (source, record) in new[] { ("education", child.Education), ("early-years", child.EarlyYears), ("social-care", child.SocialCare), ("voluntary-sector", child.VoluntarySector) })
            {
                if (record is null)
                {
                    continue;
                }

                var id = record.Recorded;
                var linkage = new LinkageRecord(source, record.LocalId, id.Forename, id.MiddleName, id.Surname, id.Sex, id.DateOfBirth, id.Postcode, id.NhsNumber, id.Upn);
                population.Records.Add(linkage);
                population.ChildOf[linkage.Key] = child.ChildId;
            }
        }

        return population;
    }
}
