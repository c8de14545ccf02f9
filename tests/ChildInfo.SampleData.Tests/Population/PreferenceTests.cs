using ChildInfo.SampleData.Population;
using static ChildInfo.SampleData.Tests.Population.SamplePopulation;

namespace ChildInfo.SampleData.Tests.Population;

public class PreferenceTests
{
    private static readonly string[] Codes = ["NO_RESEARCH_USE", "NOT_WITH_EDUCATION", "NOT_WITH_SOCIAL_CARE", "NOT_WITH_VOLUNTARY_SECTOR", "NOT_WITH_EARLY_YEARS"];

    [Fact]
    public void EveryWish_IsHeldByAnAgencyThatKnowsTheChild_WithPlainWords()
    {
        var wishes = TwentyThousand.SelectMany(c => c.Preferences.Select(p => (Child: c, Wish: p))).ToArray();
        Assert.NotEmpty(wishes);
        Assert.All(wishes, w =>
        {
            Assert.Contains(w.Wish.Code, Codes);
            Assert.Contains(w.Wish.ExpressedBy, new[] { "CHILD", "PARENT", "CARER" });
            Assert.Contains(w.Wish.DataCategory, new[] { "ALL", "VOICE", "NOTES", "HEALTH", "ENGAGEMENTS" });
            Assert.True(w.Wish.Statement.Length > 15);
            Assert.True(w.Wish.RecordedOn <= Today && w.Wish.RecordedOn > w.Child.Truth.DateOfBirth);
            AgencyRecord? holder = w.Wish.HeldBy switch
            {
                Agency.Education => w.Child.Education,
                Agency.EarlyYears => w.Child.EarlyYears,
                Agency.SocialCare => w.Child.SocialCare,
                Agency.VoluntarySector => w.Child.VoluntarySector,
                _ => null,
            };
            Assert.NotNull(holder);
            if (w.Wish.Code.StartsWith("NOT_WITH_", StringComparison.Ordinal))
            {
                Assert.NotEqual(w.Wish.HeldBy, w.Wish.WithheldFromAgencies);
            }
        });
    }

    [Fact]
    public void YouthWorkNotesNotWithSchool_AboutThreePercentOfChildrenKnownToTheVoluntarySector()
    {
        var known = TwentyThousand.Where(c => c.VoluntarySector is not null).ToArray();
        var share = Share(known, c => c.Preferences.Any(p =>
            p is { Code: "NOT_WITH_EDUCATION", HeldBy: Agency.VoluntarySector, DataCategory: "NOTES", WithheldFromAgencies: Agency.Education }));
        Assert.InRange(share, 0.01, 0.05);
        Assert.Contains(known.SelectMany(c => c.Preferences), p => p.Code == "NOT_WITH_EDUCATION" && p.ExpressedBy == "CHILD");
    }

    [Fact]
    public void NoResearchUse_AboutTwoPercentOfChildren_WithdrawnFromResearch()
    {
        var share = Share(TwentyThousand, c => c.Preferences.Any(p => p.Code == "NO_RESEARCH_USE"));
        Assert.InRange(share, 0.01, 0.03);
        Assert.All(TwentyThousand.SelectMany(c => c.Preferences).Where(p => p.Code == "NO_RESEARCH_USE"),
            p => Assert.Equal("research", p.WithheldFromPurposes));
        // Families decide together: brothers and sisters share it.
        var households = TwentyThousand.GroupBy(c => c.HouseholdId)
            .Where(h => h.Count() > 1 && h.Any(c => c.Preferences.Any(p => p.Code == "NO_RESEARCH_USE"))).ToArray();
        Assert.NotEmpty(households);
        Assert.True(households.Count(h => h.Count(c => c.Preferences.Any(p => p.Code == "NO_RESEARCH_USE")) > 1) > households.Length / 2);
    }

    [Fact]
    public void Teenagers_AskSocialCareNotToShareTheirVoiceWithTheVoluntarySector()
    {
        var wishes = TwentyThousand.Where(c => c.Preferences.Any(p => p.Code == "NOT_WITH_VOLUNTARY_SECTOR" && p.HeldBy == Agency.SocialCare)).ToArray();
        Assert.NotEmpty(wishes);
        Assert.All(wishes, c => Assert.True(Age(c) >= 12));
    }
}
