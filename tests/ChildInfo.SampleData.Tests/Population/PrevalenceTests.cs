using ChildInfo.SampleData.Population;
using static ChildInfo.SampleData.Tests.Population.SamplePopulation;

namespace ChildInfo.SampleData.Tests.Population;

/// <summary>Prevalences in 20,000 children against published national figures, with tolerances for sampling.</summary>
public class PrevalenceTests
{
    private static IReadOnlyList<SyntheticChild> Children => TwentyThousand;

    [Fact]
    public void SocialCare_ChildInNeedProtectionAndLookedAfter_NearNationalRates()
    {
        Assert.InRange(Share(Children, c => c.Circumstances.ChildInNeed), 0.024, 0.036);
        Assert.InRange(Share(Children, c => c.Circumstances.ChildProtectionPlan), 0.0022, 0.0060);
        Assert.InRange(Share(Children, c => c.Circumstances.LookedAfter), 0.0045, 0.0100);
        Assert.InRange(Share(Children, c => c.Circumstances.EarlyHelp), 0.03, 0.05);
    }

    [Fact]
    public void SocialCare_ProtectionAndCareAreWithinChildInNeed_WithTheirCodes()
    {
        Assert.All(Children.Where(c => c.Circumstances.ChildProtectionPlan), c =>
        {
            Assert.True(c.Circumstances.ChildInNeed);
            Assert.Contains(c.Circumstances.CategoryOfAbuse, new[] { "NEG", "EMO", "PHY", "SAB", "MUL" });
        });
        Assert.All(Children.Where(c => c.Circumstances.LookedAfter), c =>
        {
            Assert.True(c.Circumstances.ChildInNeed);
            Assert.NotNull(c.Circumstances.LegalStatus);
            Assert.NotNull(c.Circumstances.PlacementType);
        });
        Assert.All(Children.Where(c => c.Circumstances.ChildInNeed), c => Assert.Matches("^N[0-9]$", c.Circumstances.PrimaryNeedCode!));
        Assert.All(Children.Where(c => !c.Circumstances.ChildInNeed), c => Assert.Null(c.Circumstances.PrimaryNeedCode));
    }

    [Fact]
    public void SocialCare_MostCommonCodes_AreN1NeglectC2AndFoster()
    {
        var needs = Children.Where(c => c.Circumstances.ChildInNeed).GroupBy(c => c.Circumstances.PrimaryNeedCode).OrderByDescending(g => g.Count()).ToArray();
        Assert.Equal("N1", needs[0].Key);

        var categories = Children.Where(c => c.Circumstances.ChildProtectionPlan).Select(c => c.Circumstances.CategoryOfAbuse).ToArray();
        var neglect = categories.Count(c => c == "NEG") / (double)categories.Length;
        var emotional = categories.Count(c => c == "EMO") / (double)categories.Length;
        // Brothers and sisters share a plan's category, so a sample of this size varies: wide bounds.
        Assert.InRange(neglect, 0.25, 0.75);
        Assert.InRange(neglect + emotional, 0.6, 1.0);

        var lookedAfter = Children.Where(c => c.Circumstances.LookedAfter).ToArray();
        var statuses = lookedAfter.GroupBy(c => c.Circumstances.LegalStatus).OrderByDescending(g => g.Count()).ToArray();
        Assert.Equal("C2", statuses[0].Key);
        var foster = lookedAfter.Count(c => c.Circumstances.PlacementType!.StartsWith('U')) / (double)lookedAfter.Length;
        Assert.InRange(foster, 0.5, 0.9);
        Assert.All(lookedAfter.Where(c => c.Circumstances.PlacementType is "K1" or "K2"), c => Assert.True(Age(c) >= 11));
    }

    [Fact]
    public void Education_FreeMealsSenAndExclusions_NearNationalRates()
    {
        var pupils = Children.Where(IsPupil).ToArray();
        Assert.InRange(Share(pupils, c => c.Circumstances.FsmEligible), 0.21, 0.29);
        Assert.InRange(Share(pupils, c => c.Circumstances.SenProvision == 'K'), 0.11, 0.15);
        Assert.InRange(Share(pupils, c => c.Circumstances.SenProvision == 'E'), 0.038, 0.062);
        Assert.InRange(Share(pupils, c => c.Circumstances.Suspensions > 0), 0.015, 0.05);
        Assert.InRange(Share(pupils, c => c.Circumstances.PermanentlyExcluded), 0.0, 0.004);
        Assert.All(Children.Where(c => c.Circumstances.SenProvision != 'N'), c => Assert.NotNull(c.Circumstances.PrimarySenType));
        Assert.All(Children.Where(c => !IsPupil(c)), c => Assert.Equal(0, c.Circumstances.Suspensions));
    }

    [Fact]
    public void Education_PersistentAbsence_AboutAFifthInSecondaryAndLessInPrimary()
    {
        var secondary = Share(Children.Where(IsSecondaryPupil), c => c.Circumstances.PersistentlyAbsent);
        var primary = Share(Children.Where(IsPrimaryPupil), c => c.Circumstances.PersistentlyAbsent);

        Assert.InRange(secondary, 0.16, 0.25);
        Assert.InRange(primary, 0.11, 0.19);
        Assert.True(secondary > primary);
    }

    [Fact]
    public void Correlations_LowIncomeRaisesSocialCareAndAbsence()
    {
        var pupils = Children.Where(IsPupil).ToArray();
        var fsm = pupils.Where(c => c.Circumstances.FsmEligible).ToArray();
        var notFsm = pupils.Where(c => !c.Circumstances.FsmEligible).ToArray();

        Assert.True(Share(fsm, c => c.Circumstances.ChildInNeed) > 1.8 * Share(notFsm, c => c.Circumstances.ChildInNeed));
        Assert.True(Share(fsm, c => c.Circumstances.PersistentlyAbsent) > 1.3 * Share(notFsm, c => c.Circumstances.PersistentlyAbsent));
    }

    [Fact]
    public void EarlyYears_TwoYearOldFundingAndSettings()
    {
        var twos = Children.Where(c => Age(c) == 2).ToArray();
        Assert.InRange(Share(twos, c => c.Circumstances.TwoYearOldBasis is not null), 0.30, 0.50);
        Assert.All(Children.Where(c => c.Circumstances.TwoYearOldBasis is not null), c =>
        {
            Assert.Equal(2, Age(c));
            Assert.Contains(c.Circumstances.TwoYearOldBasis, new[] { "ECO", "HSD", "LAA" });
        });
        var threesAndFours = Children.Where(c => Age(c) is 3 or 4 && NcYear(c) < 0).ToArray();
        Assert.InRange(Share(threesAndFours, c => c.EarlyYearsSettingUrn is not null), 0.85, 1.0);
        Assert.All(Children.Where(c => c.Circumstances.ExtendedHours || c.Circumstances.EarlyYearsPupilPremium),
            c => Assert.InRange(Age(c), 3, 4));
    }

    [Fact]
    public void YoungCarersAndVoluntaryServices_NearExpectedRates_AndMoreCommonAmongChildrenInNeed()
    {
        Assert.InRange(Share(Children, c => c.Circumstances.YoungCarer), 0.008, 0.025);
        Assert.All(Children.Where(c => c.Circumstances.YoungCarer), c => Assert.True(Age(c) >= 5));
        var vcs = Share(Children, c => c.Circumstances.VcsServices.Count > 0);
        Assert.InRange(vcs, 0.07, 0.13);
        Assert.True(Share(Children.Where(c => c.Circumstances.ChildInNeed), c => c.Circumstances.VcsServices.Count > 0) > 2 * vcs);
        Assert.True(Share(Children.Where(c => c.Circumstances.YoungCarer), c => c.Circumstances.VcsServices.Count > 0) > 4 * vcs);
        Assert.All(Children.SelectMany(c => c.Circumstances.VcsServices),
            s => Assert.Contains(s, new[] { "YOUTH_WORK", "YOUNG_CARERS", "MENTORING", "FAMILY_SUPPORT" }));
    }

    [Fact]
    public void EthnicityAndLanguage_UseCensusCodes_WithAMajorityWhiteBritish()
    {
        string[] ethnicities = ["WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"];
        Assert.All(Children, c => Assert.Contains(c.Ethnicity, ethnicities));
        Assert.InRange(Share(Children, c => c.Ethnicity == "WBRI"), 0.55, 0.70);
        Assert.InRange(Share(Children, c => c.Language != "ENG"), 0.10, 0.30);
        Assert.True(Children.Select(c => c.Ethnicity).Distinct().Count() >= 15);
    }
}
