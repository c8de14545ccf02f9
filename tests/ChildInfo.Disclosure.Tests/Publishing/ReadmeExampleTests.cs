using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Publishing;

/// <summary>The example in the README, as the library produces it: if the output changes, the README must too.</summary>
public sealed class ReadmeExampleTests(ITestOutputHelper output)
{
    [Fact]
    public void ChildrenOnAPlanPersistentlyAbsent_ByAgeBandAndWard()
    {
        // Children on a child protection plan (social care) who were persistently absent last term (education): two agencies linked.
        var ages = new Dimension("age_band", ["5-9", "10-15", "16-17"]);
        var wards = new Dimension("ward", ["Abbey", "Brook", "Castle"]);
        int[][] counts = [[14, 3, 22], [31, 12, 19], [16, 0, 11]];
        var builder = new CountTableBuilder([ages, wards], TestTables.Keys, linkedAgencies: 2);
        for (var a = 0; a < 3; a++)
        {
            for (var w = 0; w < 3; w++)
            {
                for (var i = 0; i < counts[a][w]; i++)
                {
                    builder.Add($"CHILD-{a}{w}-{i}", ages.Categories[a], wards.Categories[w], measure: 70 + ((i * 7) % 20));
                }
            }
        }

        var published = DisclosureControl.Apply(builder.Build(), DisclosureOptionsFor("service_planning"));
        var csv = published.ToCsv();
        output.WriteLine(csv);

        Assert.Equal(
            """
            age_band,ward,children,percentage,mean,median
            5-9,Abbey,15,37.5,78.4,78.5
            5-9,Brook,c,c,c,c
            5-9,Castle,c,c,c,c
            10-15,Abbey,30,50,78.9,79
            10-15,Brook,c,c,c,c
            10-15,Castle,c,c,c,c
            16-17,Abbey,15,50,78.8,78.5
            16-17,Brook,0,0,z,z
            16-17,Castle,10,33.3,77.7,78
            5-9,Total,40,30.8,78.6,78
            10-15,Total,60,46.2,78.9,79
            16-17,Total,30,23.1,78.3,78
            Total,Abbey,60,46.2,78.7,79
            Total,Brook,20,15.4,78.2,78
            Total,Castle,60,46.2,78.8,78.5
            Total,Total,130,z,78.7,78.5
            """.ReplaceLineEndings("\r\n") + "\r\n",
            csv);
    }

    private static DisclosureRules DisclosureOptionsFor(string purpose) =>
        new DisclosureOptions { RecordKeySecret = TestTables.Secret }.RulesFor(purpose);
}
