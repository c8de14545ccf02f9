using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The generator's early years writer over a real SQLite database, checked against the children's circumstances.</summary>
public sealed class EarlyYearsWriterTests
{
    [Fact]
    public async Task Write_FollowsAgesAndCircumstances()
    {
        var generator = new PopulationGenerator(seed: 5);
        var population = generator.Generate(4000).ToList();
        var database = new AgencyDatabase(SubgraphTestHost.TempSqlite("early-years-writer"));
        var writer = new EarlyYearsWriter();
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema);
        var context = new GenerationContext(generator.Seed, generator.ReferenceDate, generator.Reference);
        await using (var bulk = await BulkWriter.OpenAsync(database))
        {
            await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
            foreach (var chunk in population.Chunk(900))
            {
                await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
            }
        }
        var known = population.Where(c => c.EarlyYears is not null).ToDictionary(c => c.EarlyYears!.LocalId);
        var today = generator.ReferenceDate;
        await using var connection = await database.OpenAsync();

        Assert.Equal(known.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM EY_CHILD"));

        // EYFS profiles only for children whose reception year has ended.
        var profiled = (await connection.QueryAsync<string>("SELECT EYChildId FROM EYFSP")).ToList();
        Assert.NotEmpty(profiled);
        Assert.All(profiled, id => Assert.True(today >= new DateOnly(SchoolCalendar.ReceptionYear(known[id].Truth.DateOfBirth) + 1, 7, 1), id));
        var gldShare = await connection.ExecuteScalarAsync<double>(
            "SELECT AVG(CASE WHEN FSP_COM_E01 = 2 AND FSP_COM_E02 = 2 AND FSP_PSE_E03 = 2 AND FSP_PSE_E04 = 2 AND FSP_PSE_E05 = 2 AND FSP_PHY_E06 = 2 AND FSP_PHY_E07 = 2 AND FSP_LIT_E08 = 2 AND FSP_LIT_E09 = 2 AND FSP_LIT_E10 = 2 AND FSP_MAT_E11 = 2 AND FSP_MAT_E12 = 2 THEN 1.0 ELSE 0.0 END) FROM EYFSP");
        Assert.InRange(gldShare, 0.5, 0.8);

        // ASQ-3 only for children who have reached 2½, all five domains scored with a zone.
        var asq = (await connection.QueryAsync<(string Id, string Date)>("SELECT EYChildId, ReviewDate FROM HV_REVIEW WHERE ASQ3_Months IS NOT NULL")).ToList();
        Assert.NotEmpty(asq);
        Assert.All(asq, a => Assert.True(known[a.Id].Truth.DateOfBirth.AddMonths(30) <= today, a.Id));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM HV_REVIEW WHERE ASQ3_Months IS NOT NULL AND (ASQ3_PSE_Zone IS NULL OR ASQ3_COM_Score > 60)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM HV_REVIEW WHERE ReviewDate > @today", new { today = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));

        // Two-year-old funding only with a basis the child has; extended hours only for working-parent families.
        var funding = (await connection.QueryAsync<(string Id, string? Basis, decimal Extended)>("SELECT EYChildId, TwoYearOldBasis, ExtendedHours FROM EY_FUNDING")).ToList();
        Assert.NotEmpty(funding);
        Assert.All(funding.Where(f => f.Basis is not null), f => Assert.Equal(known[f.Id].Circumstances.TwoYearOldBasis, f.Basis));
        Assert.All(funding.Where(f => f.Extended > 0), f => Assert.True(known[f.Id].Circumstances.ExtendedHours, f.Id));

        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT Words) FROM EY_VOICE") > known.Count / 4);
        Assert.Equal(population.Sum(c => c.EarlyYears is null ? 0 : c.Preferences.Count(p => p.HeldBy == Agency.EarlyYears)),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM EY_DATA_PREFERENCE"));
    }
}
