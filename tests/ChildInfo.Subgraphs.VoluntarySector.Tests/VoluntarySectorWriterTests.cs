using System.Text;
using ChildInfo.SampleData.Population;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The generator's voluntary-sector writer, held to the children's circumstances through the subgraph it fills.</summary>
public sealed class VoluntarySectorWriterTests(VoluntarySectorWriterFixture fixture) : IClassFixture<VoluntarySectorWriterFixture>
{
    [Fact]
    public async Task Write_Population_OneParticipantPerKnownChildAndOneEngagementPerService()
    {
        await using var connection = await fixture.Database.OpenAsync();

        Assert.True(fixture.Known.Count >= 100, $"only {fixture.Known.Count} participants to check");
        Assert.Equal(fixture.Known.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblParticipant"));
        Assert.Equal(fixture.Known.Sum(c => c.Circumstances.VcsServices.Count), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblEngagement"));
        Assert.Equal(fixture.Known.Sum(c => c.Preferences.Count(p => p.HeldBy == Agency.VoluntarySector)),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblDataUsePreference"));
        Assert.Equal(fixture.Reference.Organisations.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblOrganisation"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblParticipant p WHERE NOT EXISTS (SELECT 1 FROM tblVoice v WHERE v.ParticipantID = p.ParticipantID)"));
    }

    [Fact]
    public async Task Write_Engagements_WithAnOrganisationRunningTheServiceAndOneOfItsKeyworkers()
    {
        await using var connection = await fixture.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Org, string Service, string? Keyworker, long Offered, long Attended)>(
            "SELECT OrgID, ServiceCode, KeyworkerID, SessionsOffered, SessionsAttended FROM tblEngagement")).ToList();

        Assert.All(rows, r =>
        {
            var organisation = fixture.Reference.Organisations.Single(o => o.OrganisationId == r.Org);
            Assert.Contains(r.Service, organisation.Services);
            if (r.Keyworker is not null)
            {
                Assert.Contains(fixture.Reference.WorkersIn(r.Org), w => w.WorkerId == r.Keyworker);
            }

            Assert.InRange(r.Attended, 0, r.Offered);
        });
        Assert.Equal(["FAMILY_SUPPORT", "MENTORING", "YOUNG_CARERS", "YOUTH_WORK"], rows.Select(r => r.Service).Distinct().Order());
    }

    [Fact]
    public async Task Write_OutcomeMeasures_WithinTheirScalesAndAgeRanges()
    {
        await using var connection = await fixture.Database.OpenAsync();
        var today = fixture.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM tblSDQ WHERE Emotional NOT BETWEEN 0 AND 10 OR Conduct NOT BETWEEN 0 AND 10 OR Hyperactivity NOT BETWEEN 0 AND 10
                OR PeerProblems NOT BETWEEN 0 AND 10 OR Prosocial NOT BETWEEN 0 AND 10 OR Respondent NOT IN ('SELF', 'PARENT', 'TEACHER') OR CompletedDate > @today
            """, new { today }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblWEMWBS WHERE TotalScore NOT BETWEEN 14 AND 70 OR CompletedDate > @today", new { today }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblStarReading WHERE Score NOT BETWEEN 1 AND 10 OR ReadingDate > @today", new { today }));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblStarReading WHERE ReadingType = 'REVIEW'") > 0);

        var dob = fixture.Known.ToDictionary(c => c.VoluntarySector!.LocalId, c => c.Truth.DateOfBirth);
        var sdq = (await connection.QueryAsync<(string Id, string On, string Respondent)>("SELECT ParticipantID, CompletedDate, Respondent FROM tblSDQ")).ToList();
        Assert.NotEmpty(sdq);
        Assert.All(sdq, s =>
        {
            var age = AgeOn(dob[s.Id], DateOnly.Parse(s.On, System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(age, 4, 17);
            if (s.Respondent == "SELF")
            {
                Assert.True(age >= 11, $"self-report SDQ at {age}");
            }
        });
        var voices = (await connection.QueryAsync<(string Id, string On, string Setting)>("SELECT ParticipantID, RecordedDate, Setting FROM tblVoice")).ToList();
        var littleOnes = voices.Where(v => AgeOn(dob[v.Id], DateOnly.Parse(v.On, System.Globalization.CultureInfo.InvariantCulture)) < 5).ToList();
        Assert.NotEmpty(littleOnes);
        Assert.All(littleOnes, v => Assert.StartsWith("Family", v.Setting));
        var wemwbs = (await connection.QueryAsync<(string Id, string On)>("SELECT ParticipantID, CompletedDate FROM tblWEMWBS")).ToList();
        Assert.NotEmpty(wemwbs);
        Assert.All(wemwbs, w => Assert.InRange(AgeOn(dob[w.Id], DateOnly.Parse(w.On, System.Globalization.CultureInfo.InvariantCulture)), 13, 16));
    }

    [Fact]
    public async Task Write_Participants_ResolveThroughTheSubgraphWithTheirServices()
    {
        var children = fixture.Known.Take(600).ToList();
        var reps = children.Select(c => new Dictionary<string, object?> { ["__typename"] = "VcsParticipant", ["participantId"] = c.VoluntarySector!.LocalId }).ToArray();

        var result = await fixture.Host.QueryAsync("""
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on VcsParticipant {
              participantId surname dateOfBirth engagements { service organisation { name } startDate endDate }
              keyworkerNotes { text } sdqScores { totalDifficulties band } starReadings { readingType } voice { words setting }
              dataUsePreferences { code } } } }
            """, new { reps });

        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        var entities = result.GetProperty("data").GetProperty("_entities");
        for (var i = 0; i < children.Count; i++)
        {
            var e = entities[i];
            Assert.Equal(children[i].VoluntarySector!.Recorded.Surname, e.GetProperty("surname").GetString());
            Assert.Equal(children[i].Circumstances.VcsServices.Order(), e.GetProperty("engagements").EnumerateArray().Select(g => g.GetProperty("service").GetString()!).Order());
            Assert.True(e.GetProperty("keyworkerNotes").GetArrayLength() >= children[i].Circumstances.VcsServices.Count);
            Assert.All(e.GetProperty("sdqScores").EnumerateArray(), s => Assert.InRange(s.GetProperty("totalDifficulties").GetInt32(), 0, 40));
        }
    }

    [Fact]
    public async Task Write_SameSeedTwice_IdenticalDatabase()
    {
        var again = new AgencyDatabase(await fixture.WriteAsync("vcs-writer-again"));

        Assert.Equal(await DumpAsync(fixture.Database), await DumpAsync(again));
    }

    private static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return born.AddYears(age) > on ? age - 1 : age;
    }

    [Fact]
    public async Task Write_ToPostgres_SameRowsPerTableAsSqlite()
    {
        var postgres = new AgencyDatabase(await fixture.WriteAsync("vcs_writer", DatabaseProvider.Postgres));

        await using var expected = await fixture.Database.OpenAsync();
        await using var actual = await postgres.OpenAsync();
        foreach (var table in VoluntarySectorSubgraph.Schema.Tables)
        {
            var sql = $"SELECT COUNT(*) FROM {table}";
            Assert.Equal((table, await expected.ExecuteScalarAsync<long>(sql)), (table, await actual.ExecuteScalarAsync<long>(sql)));
        }
    }

    private static async Task<string> DumpAsync(AgencyDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var text = new StringBuilder();
        foreach (var (table, key) in new[] { ("tblParticipant", "ParticipantID"), ("tblEngagement", "EngagementID"), ("tblSDQ", "SDQID"), ("tblStarReading", "ReadingID"), ("tblVoice", "VoiceID") })
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {key}"))
            {
                text.AppendJoin('|', row.Values).Append('\n');
            }
        }
        return text.ToString();
    }
}
