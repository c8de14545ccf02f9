using System.Text.RegularExpressions;
using ChildInfo.SampleData.Identifiers;

namespace ChildInfo.SampleData.Tests.Identifiers;

public partial class PseudonymousIdsTests
{
    [Fact]
    public void ChildId_IsCHAndEightCrockfordCharacters()
    {
        var ids = new PseudonymousIds(seed: 1);
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            Assert.Matches(ChildIdPattern(), ids.ChildId(sequence));
        }
    }

    [Fact]
    public void ChildId_DistinctSequences_NeverCollide()
    {
        var ids = new PseudonymousIds(seed: 5);
        var seen = new HashSet<string>();
        for (var sequence = 0; sequence < 200_000; sequence++)
        {
            Assert.True(seen.Add(ids.ChildId(sequence)), $"collision at {sequence}");
        }
    }

    [Fact]
    public void ChildId_DependsOnSeed_AndIsStableForASeed()
    {
        Assert.Equal(new PseudonymousIds(9).ChildId(42), new PseudonymousIds(9).ChildId(42));
        Assert.NotEqual(new PseudonymousIds(9).ChildId(42), new PseudonymousIds(10).ChildId(42));
    }

    [Fact]
    public void ChildId_NeighbouringSequences_DoNotLookAlike()
    {
        var ids = new PseudonymousIds(seed: 1);
        var sharedPrefixes = 0;
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            if (ids.ChildId(sequence)[..6] == ids.ChildId(sequence + 1)[..6])
            {
                sharedPrefixes++;
            }
        }
        Assert.True(sharedPrefixes < 5, $"{sharedPrefixes} neighbouring ids share their first characters");
    }

    [Fact]
    public void LocalIds_AreUniqueWithinEachAgencyAndShapedAsAgreed()
    {
        var ids = new LocalIds(seed: 2);
        var earlyYears = new HashSet<string>();
        var socialCare = new HashSet<string>();
        var voluntary = new HashSet<string>();
        for (var sequence = 0; sequence < 100_000; sequence++)
        {
            Assert.True(earlyYears.Add(ids.EarlyYears(sequence)));
            Assert.True(socialCare.Add(ids.SocialCare(sequence)));
            Assert.True(voluntary.Add(ids.VoluntarySector(sequence)));
        }
        Assert.Matches("^EY[0-9]{7}$", ids.EarlyYears(7));
        Assert.Matches("^LA[0-9]{7}$", ids.SocialCare(7));
        Assert.Matches("^VCS-[0-9]{7}$", ids.VoluntarySector(7));
    }

    [GeneratedRegex("^CH-[0-9A-HJKMNP-TV-Z]{8}$")]
    private static partial Regex ChildIdPattern();
}
