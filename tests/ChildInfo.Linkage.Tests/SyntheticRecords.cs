using ChildInfo.Linkage.Records;
using ChildInfo.SampleData.Population;

namespace ChildInfo.Linkage.Tests;

/// <summary>
/// A generated population as the linkage job would see it (each agency's record of each child it knows, mistakes
/// and all), with the truth kept apart for measuring: each record's child, and the groups the child belongs to.
/// </summary>
public sealed class SyntheticRecords
{
    private SyntheticRecords(List<LinkageRecord> records, Dictionary<string, string> childOf, Dictionary<string, string[]> groupsOf)
    {
        Records = records;
        ChildOf = childOf;
        GroupsOf = groupsOf;
    }

    public IReadOnlyList<LinkageRecord> Records { get; }

    public IReadOnlyDictionary<string, string> ChildOf { get; }

    public IReadOnlyDictionary<string, string[]> GroupsOf { get; }

    public static SyntheticRecords Generate(int children, int seed)
    {
        var records = new List<LinkageRecord>();
        var childOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var child in new PopulationGenerator(seed).Generate(children))
        {
            string[] groups =
            [
                "ethnicity:" + EthnicityGroup(child.Ethnicity),
                "sex:" + child.Truth.Sex,
                "free school meals:" + (child.Circumstances.FsmEligible ? "eligible" : "not eligible"),
            ];
            foreach (var (source, record) in new[] { ("education", child.Education), ("early-years", child.EarlyYears), ("social-care", child.SocialCare), ("voluntary-sector", child.VoluntarySector) })
            {
                if (record is null)
                {
                    continue;
                }

                var id = record.Recorded;
                var linkage = new LinkageRecord(source, record.LocalId, id.Forename, id.MiddleName, id.Surname, id.Sex, id.DateOfBirth, id.Postcode, id.NhsNumber, id.Upn);
                records.Add(linkage);
                childOf[linkage.Key] = child.ChildId;
                groupsOf[linkage.Key] = groups;
            }
        }

        return new SyntheticRecords(records, childOf, groupsOf);
    }

    /// <summary>The census's major ethnicity groups, from the first letter of the code (WBRI → White, ABAN → Asian...).</summary>
    private static string EthnicityGroup(string code) => code.Length == 0 ? "unknown" : code[0] switch
    {
        'W' => "White",
        'M' => "Mixed",
        'A' => "Asian",
        'B' => "Black",
        'C' => "Chinese",
        _ => "Other",
    };
}
