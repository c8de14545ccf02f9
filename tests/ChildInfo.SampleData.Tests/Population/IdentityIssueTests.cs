using ChildInfo.SampleData.Population;
using static ChildInfo.SampleData.Tests.Population.SamplePopulation;

namespace ChildInfo.SampleData.Tests.Population;

/// <summary>The identifier problems listed on each agency record are exactly the differences from the truth.</summary>
public class IdentityIssueTests
{
    private static IEnumerable<(SyntheticChild Child, string Agency, AgencyRecord Record)> AllRecords() =>
        TwentyThousand.SelectMany(c => new (SyntheticChild, string, AgencyRecord?)[]
        {
            (c, Agency.Education, c.Education), (c, Agency.EarlyYears, c.EarlyYears),
            (c, Agency.SocialCare, c.SocialCare), (c, Agency.VoluntarySector, c.VoluntarySector),
        }).Where(r => r.Item3 is not null).Select(r => (r.Item1, r.Item2, r.Item3!));

    [Fact]
    public void MissingNhs_WhenAndOnlyWhenAnAgencyThatHoldsNhsNumbersHasNoneForAChildWhoHasOne()
    {
        foreach (var (child, agency, record) in AllRecords().Where(r => r.Agency is Agency.EarlyYears or Agency.SocialCare))
        {
            var missing = record.Recorded.NhsNumber is null && child.Truth.NhsNumber is not null;
            Assert.Equal(missing, record.IdentityIssues.Contains(IdentityIssues.MissingNhs));
            if (record.Recorded.NhsNumber is not null)
            {
                Assert.Equal(child.Truth.NhsNumber, record.Recorded.NhsNumber);
            }
        }
        // Schools and voluntary organisations do not record NHS numbers at all, so nothing is "missing" there.
        Assert.All(AllRecords().Where(r => r.Agency is Agency.Education or Agency.VoluntarySector), r =>
        {
            Assert.Null(r.Record.Recorded.NhsNumber);
            Assert.DoesNotContain(IdentityIssues.MissingNhs, r.Record.IdentityIssues);
        });
    }

    [Fact]
    public void MissingUpn_OnlyInSocialCare_WhenTheChildHasOne()
    {
        foreach (var (child, _, record) in AllRecords().Where(r => r.Agency == Agency.SocialCare))
        {
            Assert.Equal(record.Recorded.Upn is null && child.Truth.Upn is not null, record.IdentityIssues.Contains(IdentityIssues.MissingUpn));
        }
        Assert.All(AllRecords().Where(r => r.Agency == Agency.Education), r => Assert.Equal(r.Child.Truth.Upn, r.Record.Recorded.Upn));
    }

    [Fact]
    public void DateOfBirthAndPostcode_DifferOnlyWithTheirIssue()
    {
        foreach (var (child, _, record) in AllRecords())
        {
            var transposed = record.IdentityIssues.Contains(IdentityIssues.DobTransposed);
            Assert.Equal(transposed, record.Recorded.DateOfBirth != child.Truth.DateOfBirth);
            if (transposed)
            {
                Assert.Equal(child.Truth.DateOfBirth.Day, record.Recorded.DateOfBirth.Month);
                Assert.Equal(child.Truth.DateOfBirth.Month, record.Recorded.DateOfBirth.Day);
            }
            Assert.Equal(record.IdentityIssues.Contains(IdentityIssues.OldPostcode), record.Recorded.Postcode != child.Truth.Postcode);
        }
    }

    [Fact]
    public void Names_DifferOnlyWithANameIssue()
    {
        foreach (var (child, _, record) in AllRecords())
        {
            var issues = record.IdentityIssues;
            var surnameIssue = issues.Contains(IdentityIssues.ChangedSurname) || issues.Contains(IdentityIssues.NameTypo);
            var forenameIssue = issues.Contains(IdentityIssues.PreferredForename) || issues.Contains(IdentityIssues.NameTypo);
            if (record.Recorded.Surname != child.Truth.Surname)
            {
                Assert.True(surnameIssue, $"{record.LocalId}: surname differs without an issue");
            }

            if (record.Recorded.Forename != child.Truth.Forename)
            {
                Assert.True(forenameIssue, $"{record.LocalId}: forename differs without an issue");
            }

            if (issues.Contains(IdentityIssues.ChangedSurname) && !issues.Contains(IdentityIssues.NameTypo))
            {
                Assert.NotEqual(child.Truth.Surname, record.Recorded.Surname);
            }

            if (issues.Contains(IdentityIssues.PreferredForename) && !issues.Contains(IdentityIssues.NameTypo))
            {
                Assert.NotEqual(child.Truth.Forename, record.Recorded.Forename);
            }

            if (issues.Contains(IdentityIssues.NameTypo))
            {
                Assert.True(record.Recorded.Forename != child.Truth.Forename || record.Recorded.Surname != child.Truth.Surname);
            }

            Assert.Equal(child.Truth.Sex, record.Recorded.Sex);
            Assert.Equal(issues.Count, issues.Distinct().Count());
            Assert.All(issues, issue => Assert.Contains(issue, IdentityIssues.All));
        }
    }

    [Fact]
    public void IssueRates_AreRealistic()
    {
        var records = AllRecords().ToArray();
        double Rate(string issue, Func<string, bool>? agencies = null)
        {
            var pool = records.Where(r => agencies is null || agencies(r.Agency)).ToArray();
            return pool.Count(r => r.Record.IdentityIssues.Contains(issue)) / (double)pool.Length;
        }

        Assert.InRange(Rate(IdentityIssues.MissingNhs, a => a is Agency.EarlyYears or Agency.SocialCare), 0.04, 0.10);
        Assert.InRange(Rate(IdentityIssues.NameTypo), 0.012, 0.03);
        Assert.InRange(Rate(IdentityIssues.ChangedSurname), 0.008, 0.025);
        Assert.InRange(Rate(IdentityIssues.DobTransposed), 0.005, 0.016);
        Assert.InRange(Rate(IdentityIssues.OldPostcode), 0.03, 0.07);
        Assert.InRange(Rate(IdentityIssues.PreferredForename), 0.012, 0.035);
    }

    [Fact]
    public void Agencies_DrawTheirMistakesIndependently()
    {
        // Children known to two agencies: a typo in one record says nothing about the other.
        var both = TwentyThousand.Where(c => c.Education is not null && c.SocialCare is not null).ToArray();
        var sameTypo = both.Count(c => c.Education!.IdentityIssues.Contains(IdentityIssues.NameTypo) && c.SocialCare!.IdentityIssues.Contains(IdentityIssues.NameTypo));
        Assert.True(sameTypo <= 2, $"{sameTypo} children have typos in both records");
        Assert.True(both.Length > 200);
    }
}
