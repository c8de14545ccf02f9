using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Education.Exclusions;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The generator's education writer over a real SQLite database, checked against the children's circumstances.</summary>
public sealed class EducationWriterTests
{
    private const int Children = 3000;

    private static async Task<(AgencyDatabase Database, List<SyntheticChild> Population)> WriteAsync()
    {
        var generator = new PopulationGenerator(seed: 11);
        var population = generator.Generate(Children).ToList();
        var database = new AgencyDatabase(SubgraphTestHost.TempSqlite("education-writer"));
        var writer = new EducationWriter();
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema);
        var context = new GenerationContext(generator.Seed, generator.ReferenceDate, generator.Reference);
        await using (var bulk = await BulkWriter.OpenAsync(database))
        {
            await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
            foreach (var chunk in population.Chunk(700))
            {
                await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
            }
        }
        return (database, population);
    }

    [Fact]
    public async Task Write_FollowsCircumstances()
    {
        var (database, population) = await WriteAsync();
        var pupils = population.Where(c => c.Education is not null && c.Enrolments.Count > 0).ToDictionary(c => c.Education!.LocalId);
        await using var connection = await database.OpenAsync();

        Assert.Equal(pupils.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL"));
        Assert.Equal(pupils.Values.Count(c => c.Circumstances.FsmEligible), await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL WHERE FSMeligible = 'Y'"));
        Assert.Equal(pupils.Values.Count(c => c.Circumstances.SenProvision != 'N'), await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL_SEN_TYPE WHERE SENtypeRanking = 1"));
        Assert.Equal(pupils.Values.Sum(c => c.Circumstances.Suspensions), await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL_EXCLUSION WHERE Category = 'SUSPENSION'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL_ATTENDANCE WHERE SessionsPresent < 0 OR SessionsPresent + SessionsApprovedActivity + SessionsAuthorisedAbsence + SessionsUnauthorisedAbsence <> SessionsPossible"));

        Assert.All(await connection.QueryAsync<string>("SELECT DISTINCT AttendanceCode FROM PUPIL_ATTENDANCE_CODE"), code => Assert.True(AttendanceCodes.IsKnown(code), code));
        Assert.All(await connection.QueryAsync<string>("SELECT Reason1 FROM PUPIL_EXCLUSION UNION SELECT Reason2 FROM PUPIL_EXCLUSION WHERE Reason2 IS NOT NULL"),
            code => Assert.True(ExclusionReasons.IsKnown(code), code));

        // Persistent absence worked out from the written sessions agrees with the child's yearly rate for most pupils.
        var absence = (await connection.QueryAsync<(string Upn, long Absent, long Possible)>("""
            SELECT UPN, SUM(SessionsAuthorisedAbsence + SessionsUnauthorisedAbsence), SUM(SessionsPossible) FROM PUPIL_ATTENDANCE GROUP BY UPN
            """)).ToList();
        Assert.True(absence.Count > pupils.Count * 0.8, $"{absence.Count} of {pupils.Count} pupils have attendance");
        var agree = absence.Count(a => (a.Absent * 10 >= a.Possible) == pupils[a.Upn].Circumstances.PersistentlyAbsent);
        Assert.True(agree > absence.Count * 0.85, $"{agree} of {absence.Count} agree");
        Assert.InRange(absence.Count(a => a.Absent * 10 >= a.Possible) / (double)absence.Count, 0.05, 0.35);

        var voices = await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT Words) FROM PUPIL_VOICE");
        Assert.True(voices > pupils.Count / 4, $"{voices} different voice records");
        Assert.Equal(population.Sum(c => c.Education is null ? 0 : c.Preferences.Count(p => p.HeldBy == Agency.Education)),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM PUPIL_DATA_PREFERENCE"));
    }

    [Fact]
    public async Task Write_SubgraphServesTheWrittenPupils()
    {
        var (database, population) = await WriteAsync();
        var pupil = population.First(c => c.Education is not null && c.Circumstances.SenProvision != 'N' && c.Enrolments.Count > 0);
        await using var host = await SubgraphTestHost.StartAsync(new EducationSubgraph(), database.Options);

        var body = await host.QueryAsync("query($upn: String!) { pupil(upn: $upn) { upn senProvision primarySenType enrolments { school { name } } attendance { term } } }",
            new { upn = pupil.Education!.LocalId });

        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        var found = body.GetProperty("data").GetProperty("pupil");
        Assert.Equal(pupil.Circumstances.SenProvision.ToString(), found.GetProperty("senProvision").GetString());
        Assert.False(string.IsNullOrEmpty(found.GetProperty("primarySenType").GetString()));
        Assert.NotEmpty(found.GetProperty("enrolments")[0].GetProperty("school").GetProperty("name").GetString()!);
    }
}
