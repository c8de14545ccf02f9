using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Tests.Reference;

public class ReferenceDataFactoryTests
{
    private static readonly ReferenceData Northshire = ReferenceDataFactory.Create();

    [Fact]
    public void Create_IsTheFictionalAuthority_WithLaCode999()
    {
        Assert.Equal(999, Northshire.LaCode);
        Assert.Equal("Northshire", Northshire.LaName);
    }

    [Fact]
    public void Schools_AboutSixtyWithUniqueSixDigitUrnsAndEstablishments()
    {
        Assert.InRange(Northshire.Schools.Count, 55, 65);
        Assert.All(Northshire.Schools, s => Assert.InRange(s.Urn, 100_000, 999_999));
        Assert.Equal(Northshire.Schools.Count, Northshire.Schools.Select(s => s.Urn).Distinct().Count());
        Assert.Equal(Northshire.Schools.Count, Northshire.Schools.Select(s => s.Establishment).Distinct().Count());
        Assert.All(Northshire.Schools, s => Assert.InRange(s.Establishment, 1000, 9999));
        Assert.True(Northshire.SchoolsInPhase(ReferenceDataFactory.Primary).Count >= 35);
        Assert.True(Northshire.SchoolsInPhase(ReferenceDataFactory.Secondary).Count >= 8);
        Assert.NotEmpty(Northshire.SchoolsInPhase(ReferenceDataFactory.Special));
        Assert.All(Northshire.Schools, s => Assert.Matches("^NZ[0-9]{1,2} [0-9][A-Z]{2}$", s.Postcode));
    }

    [Fact]
    public void Settings_AboutFortyOfThreeKinds()
    {
        Assert.InRange(Northshire.Settings.Count, 35, 45);
        Assert.Equal(Northshire.Settings.Count, Northshire.Settings.Select(s => s.Urn).Distinct().Count());
        Assert.Equal(
            new[] { ReferenceDataFactory.Childminder, ReferenceDataFactory.Nursery, ReferenceDataFactory.PreSchool },
            Northshire.Settings.Select(s => s.SettingType).Distinct().Order());
        Assert.Empty(Northshire.Settings.Select(s => s.Urn).Intersect(Northshire.Schools.Select(s => s.Urn)));
    }

    [Fact]
    public void Organisations_RunEveryVoluntaryService_WithCharityNumbers()
    {
        Assert.InRange(Northshire.Organisations.Count, 6, 10);
        Assert.All(Northshire.Organisations, o => Assert.Matches("^[0-9]{7}$", o.CharityNumber));
        foreach (var service in new[] { "YOUTH_WORK", "YOUNG_CARERS", "MENTORING", "FAMILY_SUPPORT" })
        {
            Assert.NotEmpty(Northshire.OrganisationsFor(service));
        }
    }

    [Fact]
    public void TeamsAndWorkers_CoverEveryServiceAndBelongSomewhere()
    {
        foreach (var service in new[] { "ASSESSMENT", "SAFEGUARDING", "CHILDREN_IN_CARE", "EARLY_HELP", "YOUTH_SERVICE" })
        {
            Assert.NotEmpty(Northshire.TeamsFor(service));
        }

        Assert.InRange(Northshire.Workers.Count, 50, 70);
        Assert.Equal(Northshire.Workers.Count, Northshire.Workers.Select(w => w.WorkerId).Distinct().Count());
        var owners = Northshire.Teams.Select(t => t.TeamId).Concat(Northshire.Organisations.Select(o => o.OrganisationId)).ToHashSet();
        Assert.All(Northshire.Workers, w => Assert.Contains(w.TeamId, owners));
        Assert.All(Northshire.Teams, t => Assert.Single(Northshire.WorkersIn(t.TeamId), w => w.Role == "TEAM_MANAGER"));
        Assert.Contains(Northshire.Workers, w => w.Role == "SOCIAL_WORKER");
        Assert.Contains(Northshire.Workers, w => w.Role == "KEYWORKER");
    }

    [Fact]
    public void Create_IsTheSameEveryTime()
    {
        var first = ReferenceDataFactory.Build();
        var second = ReferenceDataFactory.Build();
        Assert.NotSame(first, second);
        Assert.Equal(first.Schools, second.Schools);
        Assert.Equal(first.Settings, second.Settings);
        Assert.Equal(first.Workers, second.Workers);
        Assert.Equal(first.Teams, second.Teams);
        Assert.Same(ReferenceDataFactory.Create(), ReferenceDataFactory.Create());
        Assert.Equal(Northshire.Schools[3], Northshire.FindSchool(Northshire.Schools[3].Urn));
        Assert.Null(Northshire.FindSchool(1));
    }
}
