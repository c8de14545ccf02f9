using ChildInfo.SampleData.Identifiers;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Tests.Population;

public class PopulationGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameChildren()
    {
        var first = new PopulationGenerator(11).Generate(2_000).ToArray();
        var second = new PopulationGenerator(11).Generate(2_000).ToArray();

        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(Describe(first[i]), Describe(second[i]));
        }
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentChildren()
    {
        var first = new PopulationGenerator(11).Generate(500).Select(Describe).ToArray();
        var second = new PopulationGenerator(12).Generate(500).Select(Describe).ToArray();

        var same = first.Zip(second).Count(pair => pair.First == pair.Second);
        Assert.True(same < 5, $"{same} of 500 children identical across seeds");
    }

    [Fact]
    public void GenerateChunks_GivesTheSameChildrenAsOneStream()
    {
        var generator = new PopulationGenerator(4);
        var whole = generator.Generate(1_234).Select(Describe).ToArray();
        var chunks = generator.GenerateChunks(1_234, 100).ToArray();

        Assert.Equal(13, chunks.Length);
        Assert.All(chunks[..^1], chunk => Assert.Equal(100, chunk.Count));
        Assert.Equal(whole, chunks.SelectMany(c => c).Select(Describe).ToArray());
    }

    [Fact]
    public void Generate_ReferenceDateDefaultsToTheCensusDay_AndMovesAgesWithIt()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), new PopulationGenerator(1).ReferenceDate);

        var later = new DateOnly(2030, 1, 17);
        var children = new PopulationGenerator(1, later).Generate(3_000).ToArray();
        Assert.All(children, c => Assert.InRange(c.AgeOn(later), 0, 17));
        Assert.Contains(children, c => c.Truth.DateOfBirth.Year == 2029);
    }

    [Fact]
    public void Generate_ExactCount_WithSequencesInOrder()
    {
        var children = new PopulationGenerator(8).Generate(777).ToArray();

        Assert.Equal(777, children.Length);
        Assert.Equal(Enumerable.Range(0, 777), children.Select(c => c.Sequence));
    }

    [Fact]
    public void Population_AgesCoverZeroToSeventeenEvenly()
    {
        var children = SamplePopulation.TwentyThousand;
        var byAge = children.GroupBy(SamplePopulation.Age).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(0, 18), byAge.Keys.Order());
        var expected = children.Count / 18.0;
        Assert.All(byAge.Values, count => Assert.InRange(count, expected * 0.85, expected * 1.15));
    }

    [Fact]
    public void Population_IdentifiersAreUniqueAndWellFormed()
    {
        var children = SamplePopulation.TwentyThousand;

        Assert.Equal(children.Count, children.Select(c => c.ChildId).Distinct().Count());
        var upns = children.Where(c => c.Truth.Upn is not null).Select(c => c.Truth.Upn!).ToArray();
        Assert.Equal(upns.Length, upns.Distinct().Count());
        Assert.All(upns, upn =>
        {
            Assert.True(Upn.IsValid(upn), upn);
            Assert.Equal("999", upn[1..4]);
        });
        Assert.Contains(upns, upn => char.IsLetter(upn[^1]));
        var nhs = children.Where(c => c.Truth.NhsNumber is not null).Select(c => c.Truth.NhsNumber!).ToArray();
        Assert.Equal(children.Count, nhs.Length);
        Assert.Equal(nhs.Length, nhs.Distinct().Count());
        Assert.All(nhs, n => Assert.True(NhsNumber.IsSynthetic(n), n));
        Assert.All(children, c => Assert.Matches("^NZ[0-9]{1,2} [0-9][A-Z]{2}$", c.Truth.Postcode));
    }

    [Fact]
    public void Population_AgencyLocalIdsAreUniquePerAgency_AndEducationUsesTheUpn()
    {
        var children = SamplePopulation.TwentyThousand;

        Assert.All(children.Where(c => c.Education is not null), c => Assert.Equal(c.Truth.Upn, c.Education!.LocalId));
        foreach (var records in new[]
        {
            children.Select(c => c.Education), children.Select(c => c.EarlyYears),
            children.Select(c => c.SocialCare), children.Select(c => c.VoluntarySector),
        })
        {
            var ids = records.Where(r => r is not null).Select(r => r!.LocalId).ToArray();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Length, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Population_AgenciesKnowTheRightChildren()
    {
        var children = SamplePopulation.TwentyThousand;

        Assert.All(children, c =>
        {
            Assert.Equal(c.Enrolments.Count > 0, c.Education is not null);
            Assert.Equal(c.Circumstances.ChildInNeed || c.Circumstances.EarlyHelp, c.SocialCare is not null);
            Assert.Equal(c.Circumstances.VcsServices.Count > 0, c.VoluntarySector is not null);
            if (c.EarlyYears is not null)
            {
                Assert.InRange(SamplePopulation.Age(c), 0, 5);
            }
        });
        Assert.All(children.Where(c => c.EarlyYearsSettingUrn is not null), c => Assert.NotNull(c.EarlyYears));
    }

    [Fact]
    public void Population_EnrolmentsFollowTheSchoolYear()
    {
        var children = SamplePopulation.TwentyThousand;
        var reference = ReferenceDataFactory.Create();
        var urns = reference.Schools.ToDictionary(s => s.Urn);

        foreach (var child in children.Where(SamplePopulation.IsPupil))
        {
            var nc = SamplePopulation.NcYear(child);
            Assert.InRange(nc, 0, 13);
            Assert.InRange(SamplePopulation.Age(child), 4, 17);
            Assert.InRange(child.Enrolments.Count, 1, 2);
            foreach (var spell in child.Enrolments)
            {
                Assert.True(urns.ContainsKey(spell.SchoolUrn));
                Assert.True(spell.EntryDate <= SamplePopulation.Today);
                Assert.True(spell.LeavingDate is null || (spell.LeavingDate > spell.EntryDate && spell.LeavingDate <= SamplePopulation.Today));
                Assert.Contains(spell.EnrolStatus, new[] { "C", "M", "S" });
            }
            Assert.Contains(child.Enrolments, e => e.LeavingDate is null);
            var phase = urns[child.Enrolments[0].SchoolUrn].Phase;
            if (phase == ReferenceDataFactory.Primary)
            {
                Assert.InRange(nc, 0, 6);
            }

            if (phase == ReferenceDataFactory.Secondary)
            {
                Assert.InRange(nc, 7, 13);
            }
        }
        // School moves give two spells for a minority (about 8%).
        var twoSpells = SamplePopulation.Share(children.Where(SamplePopulation.IsPupil), c => c.Enrolments.Count == 2);
        Assert.InRange(twoSpells, 0.05, 0.11);
        // Under-fives not at school attend settings, school-age children never do.
        Assert.All(children.Where(c => c.EarlyYearsSettingUrn is not null), c => Assert.True(SamplePopulation.NcYear(c) < 0));
    }

    private static string Describe(SyntheticChild c) =>
        string.Join("|", c.ChildId, c.HouseholdId, c.Truth, c.Ethnicity, c.Language, string.Join(",", c.SiblingIds), c.Circumstances.ChildInNeed,
            c.Circumstances.AbsenceRate, string.Join(",", c.Circumstances.VcsServices), string.Join(",", c.Enrolments), c.EarlyYearsSettingUrn,
            c.Education?.Recorded, c.EarlyYears?.Recorded, c.SocialCare?.Recorded, c.VoluntarySector?.Recorded, string.Join(",", c.Preferences));
}
