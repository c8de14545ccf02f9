using System.Text;
using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The generator's social care writer, held to the children's circumstances through the subgraph it fills.</summary>
public sealed class SocialCareWriterTests(SocialCareWriterFixture fixture) : IClassFixture<SocialCareWriterFixture>
{
    private static readonly (string Table, string Start, string? End)[] DatedTables =
    [
        ("ssd_cin_episodes", "cine_referral_date", "cine_close_date"),
        ("ssd_cin_assessments", "cina_assessment_start_date", "cina_assessment_auth_date"),
        ("ssd_cin_plans", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date"),
        ("ssd_s47_enquiry", "s47e_s47_start_date", "s47e_s47_end_date"),
        ("ssd_initial_cp_conference", "icpc_icpc_date", null),
        ("ssd_cp_plans", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
        ("ssd_cla_episodes", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
        ("ssd_cla_placement", "clap_cla_placement_start_date", "clap_cla_placement_end_date"),
        ("ssd_legal_status", "lega_legal_status_start_date", "lega_legal_status_end_date"),
        ("ssd_early_help_episodes", "earl_episode_start_date", "earl_episode_end_date"),
        ("ssd_involvements", "invo_involvement_start_date", "invo_involvement_end_date"),
        ("cms_child_voice", "cvoi_recorded_date", null),
    ];

    [Fact]
    public async Task Write_Population_OnePersonPerKnownChildAndPrevalencesThatFit()
    {
        await using var connection = await fixture.Database.OpenAsync();

        Assert.Equal(fixture.Known.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ssd_person"));
        Assert.InRange(fixture.Known.Count, SocialCareWriterFixture.PopulationSize / 50, SocialCareWriterFixture.PopulationSize / 8);
        Assert.True(fixture.Known.Count(c => c.Circumstances.ChildProtectionPlan) >= 10, "the population has children on plans to check");
        Assert.True(fixture.Known.Count(c => c.Circumstances.LookedAfter) >= 10, "the population has looked-after children to check");
        Assert.Equal(fixture.Known.Count(c => c.Circumstances.ChildProtectionPlan),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT cppl_person_id) FROM ssd_cp_plans WHERE cppl_cp_plan_end_date IS NULL"));
        Assert.Equal(fixture.Known.Count(c => c.Circumstances.LookedAfter),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT clae_person_id) FROM ssd_cla_episodes WHERE clae_cla_episode_ceased_date IS NULL"));
        Assert.Equal(fixture.Known.Count(c => c.Circumstances.ChildInNeed),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT cine_person_id) FROM ssd_cin_episodes"));
        Assert.Equal(fixture.PreferencesHeld, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cms_data_use_preference"));
    }

    [Fact]
    public async Task Write_EveryDate_OnOrBeforeTheReferenceDateAndEndsNotBeforeStarts()
    {
        await using var connection = await fixture.Database.OpenAsync();
        var today = fixture.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (table, start, end) in DatedTables)
        {
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}") > 0, $"{table} has no rows");
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {start} > @today OR {start} IS NULL", new { today }));
            if (end is not null)
            {
                Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {end} > @today", new { today }));
                Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {end} < {start}"));
            }
        }
    }

    [Fact]
    public async Task Write_ChildrenOnPlansOrInCare_RecordsMatchTheirCircumstances()
    {
        var children = fixture.Known.Where(c => c.Circumstances.ChildProtectionPlan || c.Circumstances.LookedAfter || c.Circumstances.ChildInNeed).Take(1000).ToList();
        var reps = children.Select(c => new Dictionary<string, object?> { ["__typename"] = "SocialCareChild", ["personId"] = c.SocialCare!.LocalId }).ToArray();

        var result = await fixture.Host.QueryAsync("""
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on SocialCareChild {
              personId dateOfBirth childProtectionPlanActive lookedAfterActive
              referrals { cinReferralDate primaryNeedCode referralSource }
              assessments { factorsIdentifiedAtAssessment }
              childProtectionPlans { cppStartDate cppEndDate initialCategoryOfAbuse }
              lookedAfterEpisodes { decom dec ls place placeProvider rne }
              allocations { current workerName teamName }
              voice { words setting } } } }
            """, new { reps });

        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        var entities = result.GetProperty("data").GetProperty("_entities");
        Assert.Equal(children.Count, entities.GetArrayLength());
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i].Circumstances;
            var e = entities[i];
            Assert.Equal(c.ChildProtectionPlan, e.GetProperty("childProtectionPlanActive").GetBoolean());
            Assert.Equal(c.LookedAfter, e.GetProperty("lookedAfterActive").GetBoolean());
            if (c.ChildInNeed)
            {
                var latest = e.GetProperty("referrals")[0];
                Assert.Equal(c.PrimaryNeedCode ?? "N1", latest.GetProperty("primaryNeedCode").GetString());
                Assert.Matches("^(1[A-D]|2[AB]|3[A-F]|4|5[A-D]|6|7|8|9|10)$", latest.GetProperty("referralSource").GetString());
                Assert.True(DateOnly.Parse(latest.GetProperty("cinReferralDate").GetString()!) >= children[i].Truth.DateOfBirth);
            }
            foreach (var assessment in e.GetProperty("assessments").EnumerateArray())
            {
                Assert.All(assessment.GetProperty("factorsIdentifiedAtAssessment").EnumerateArray(), f => Assert.Matches("^([1-9]|1[0-9]|2[0-4])[A-F]?$", f.GetString()));
            }

            if (c.ChildProtectionPlan)
            {
                var open = e.GetProperty("childProtectionPlans").EnumerateArray().Single(p => p.GetProperty("cppEndDate").ValueKind == JsonValueKind.Null);
                Assert.Equal(c.CategoryOfAbuse, open.GetProperty("initialCategoryOfAbuse").GetString());
            }
            if (c.LookedAfter)
            {
                var episodes = e.GetProperty("lookedAfterEpisodes");
                var current = episodes[0];
                Assert.Equal(JsonValueKind.Null, current.GetProperty("dec").ValueKind);
                Assert.Equal(c.LegalStatus, current.GetProperty("ls").GetString());
                Assert.Equal(c.PlacementType, current.GetProperty("place").GetString());
                Assert.Equal("S", episodes[episodes.GetArrayLength() - 1].GetProperty("rne").GetString());
            }
            foreach (var voice in e.GetProperty("voice").EnumerateArray())
            {
                var setting = voice.GetProperty("setting").GetString()!;
                if (!c.LookedAfter)
                {
                    Assert.DoesNotContain("care review", setting);
                }

                if (!c.ChildProtectionPlan)
                {
                    Assert.DoesNotContain("protection conference", setting);
                }
            }
            if (c.ChildProtectionPlan || c.LookedAfter)
            {
                Assert.Contains(e.GetProperty("allocations").EnumerateArray(), a => a.GetProperty("current").GetBoolean() && a.GetProperty("teamName").GetString() is { Length: > 0 });
                Assert.True(e.GetProperty("voice").GetArrayLength() > 0, "a child on a plan or in care has their words recorded");
            }
        }
    }

    [Fact]
    public async Task Write_CurrentAllocations_PutEachChildOnTheirWorkersCaseload()
    {
        await using var connection = await fixture.Database.OpenAsync();
        var worker = await connection.QueryFirstAsync<string>("""
            SELECT invo_professional_id FROM ssd_involvements WHERE invo_involvement_end_date IS NULL
            GROUP BY invo_professional_id ORDER BY COUNT(*) DESC, invo_professional_id
            """);
        var expected = (await connection.QueryAsync<string>(
            "SELECT DISTINCT invo_person_id FROM ssd_involvements WHERE invo_involvement_end_date IS NULL AND invo_professional_id = @worker", new { worker })).Order().ToList();

        var result = await fixture.Host.QueryAsync("query($w: ID!) { caseload(workerId: $w) { personId } }", new { w = worker });

        var caseload = result.GetProperty("data").GetProperty("caseload").EnumerateArray().Select(c => c.GetProperty("personId").GetString()!).Order().ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, caseload);
    }

    [Fact]
    public async Task Write_SameSeedTwice_IdenticalDatabase()
    {
        var again = new AgencyDatabase(await fixture.WriteAsync("sc-writer-again"));

        Assert.Equal(await DumpAsync(fixture.Database), await DumpAsync(again));
    }

    [Fact]
    public async Task Write_ToPostgres_SameRowsPerTableAsSqlite()
    {
        var postgres = new AgencyDatabase(await fixture.WriteAsync("sc_writer", DatabaseProvider.Postgres));

        await using var expected = await fixture.Database.OpenAsync();
        await using var actual = await postgres.OpenAsync();
        foreach (var table in SocialCareSubgraph.Schema.Tables)
        {
            var sql = $"SELECT COUNT(*) FROM {table}";
            Assert.Equal((table, await expected.ExecuteScalarAsync<long>(sql)), (table, await actual.ExecuteScalarAsync<long>(sql)));
        }
    }

    private static async Task<string> DumpAsync(AgencyDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var text = new StringBuilder();
        foreach (var (table, key) in new[] { ("ssd_person", "pers_person_id"), ("ssd_cin_episodes", "cine_referral_id"), ("ssd_cla_episodes", "clae_cla_episode_id"), ("cms_child_voice", "cvoi_voice_id") })
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {key}"))
            {
                text.AppendJoin('|', row.Values).Append('\n');
            }
        }
        return text.ToString();
    }
}
