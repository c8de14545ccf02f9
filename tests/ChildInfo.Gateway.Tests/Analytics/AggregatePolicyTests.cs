using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// What the rule of the analyst's role and purpose allows: which labels a question may count by and which agencies it
/// may link; what each agency is told (only the question's <c>count:</c> labels, never a row-level one); what the
/// audit keeps (the question and its cells, no child); and that the published table passes disclosure control.
/// </summary>
public sealed class AggregatePolicyTests(AnalyticsGatewayFixture fixture) : IClassFixture<AnalyticsGatewayFixture>
{
    private static readonly object InNeedByAgeBand = new
    {
        asAt = "2026-10-01",
        condition = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } },
        groupBy = new[] { new { index = "age_band" } },
    };

    [Fact]
    public async Task Catalogue_ListsEachAgencysFacts_AndWhatTheCallersRuleMayCount()
    {
        const string query = "{ cohortCatalogue { agencies { agency facts { name kind window label countable values } } indexDimensions { name countable values } unavailable } }";

        var answer = await fixture.Protected.AskAsync(query);
        Assert.True(answer.Body.TryGetProperty("data", out _), answer.Body.ToString());
        var analyst = answer.Body.GetProperty("data").GetProperty("cohortCatalogue");
        var researcher = (await fixture.Protected.AskAsync(query, role: "researcher", purpose: "research", marker: "study RS-0042")).Body.GetProperty("data").GetProperty("cohortCatalogue");

        Assert.Equal(JsonValueKind.Array, analyst.GetProperty("unavailable").ValueKind);
        Assert.Empty(analyst.GetProperty("unavailable").EnumerateArray());
        Assert.True(Fact(analyst, "social-care", "cp_plan").GetProperty("countable").GetBoolean());
        Assert.False(Fact(researcher, "social-care", "cp_plan").GetProperty("countable").GetBoolean());
        Assert.False(Fact(researcher, "social-care", "child_in_need").GetProperty("countable").GetBoolean());
        Assert.True(Fact(researcher, "education", "voice_recorded").GetProperty("countable").GetBoolean());
        Assert.Contains(analyst.GetProperty("indexDimensions").EnumerateArray(), d => d.GetProperty("name").GetString() == "age_band");
    }

    [Fact]
    public async Task Question_CountingByALabelTheRuleDoesNotCount_IsRefusedBeforeAnyMemberIsFetched()
    {
        var marker = $"not-countable-{Guid.NewGuid():N}";

        var exchange = await fixture.Protected.TableAsync(InNeedByAgeBand, role: "researcher", purpose: "research", marker: marker);

        Assert.Equal(["COUNT_NOT_ALLOWED"], exchange.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
        Assert.DoesNotContain(fixture.Recorder.CallsByMarker(marker), c => c.BodyText.Contains("_cohortMembers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Question_LinkingAgenciesTheRuleDoesNotCombine_IsRefused()
    {
        var exchange = await fixture.Protected.TableAsync(new
        {
            asAt = "2026-10-01",
            condition = new
            {
                all = new[]
                {
                    new { fact = new { agency = "education", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
                    new { fact = new { agency = "voluntary-sector", fact = "voice_recorded", from = "2026-04-01", to = "2026-09-30" } },
                },
            },
        }, role: "researcher", purpose: "research", marker: "study RS-0042");

        Assert.Contains(exchange.ErrorCodes, c => c is "COMBINATION_NOT_ALLOWED" or "COUNT_NOT_ALLOWED");
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task TwoQuestionsInOneRequest_AreRefused_AndNothingIsRecordedAsReleased()
    {
        var marker = $"two-questions-{Guid.NewGuid():N}";
        var exchange = await fixture.Protected.AskAsync("""
            query Q($q: CohortQuestionInput!) {
              a: cohortTable(question: $q) { released }
              b: cohortTable(question: $q) { released }
            }
            """, new { q = InNeedByAgeBand }, marker: marker);

        Assert.Equal(["COHORT_ONE_QUESTION"], exchange.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
        var record = (await fixture.Protected.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Null(record.Payload!.Aggregate);
        Assert.Equal(AuditOutcome.Error, record.Outcome);
    }

    [Fact]
    public async Task EachAgencyCall_CarriesOnlyTheQuestionsCountingLabels_SignedForTheAnalyst()
    {
        var marker = $"labels-{Guid.NewGuid():N}";

        var exchange = await fixture.Protected.TableAsync(InNeedByAgeBand, marker: marker);

        Assert.Empty(exchange.ErrorCodes);
        var calls = fixture.Recorder.CallsByMarker(marker).Where(c => c.BodyText.Contains("_cohortMembers", StringComparison.Ordinal) || c.BodyText.Contains("_cohortLinks", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var context = Claims(call.Context!);
            Assert.Equal("la_analyst", context.GetProperty(SubgraphContextClaims.Role).GetString());
            Assert.Equal("service_planning", context.GetProperty(SubgraphContextClaims.Purpose).GetString());
            var labels = context.GetProperty(SubgraphContextClaims.Labels).EnumerateArray().Select(l => l.GetString()!).ToList();
            Assert.All(labels, l => Assert.StartsWith("count:", l, StringComparison.Ordinal));
            Assert.Contains("count:cin", labels);
            Assert.DoesNotContain("count:care", labels);
        }
    }

    [Fact]
    public async Task Question_IsAudited_WithItsCellsAndNoChild()
    {
        var marker = $"audited-{Guid.NewGuid():N}";

        var exchange = await fixture.Protected.TableAsync(InNeedByAgeBand, marker: marker);

        var table = exchange.Body.GetProperty("data").GetProperty("cohortTable");
        var record = (await fixture.Protected.AuditAsync()).Last(r => r.Payload?.Justification == marker);
        Assert.Equal(AuditOutcome.Ok, record.Outcome);
        Assert.Empty(record.ChildIds);
        var release = record.Payload!.Aggregate!;
        Assert.Equal(table.GetProperty("question").GetString(), release.Question);
        Assert.Equal(["social-care"], release.Agencies);
        Assert.Equal(table.GetProperty("released").GetInt32(), release.CellsReleased);
        Assert.Equal(table.GetProperty("suppressed").GetInt32(), release.CellsSuppressed);
        Assert.Empty(record.Payload.Children);
    }

    [Fact]
    public async Task PublishedTable_HasOnlyRoundedCountsOrSymbols_AndNoChildId()
    {
        var exact = (await fixture.Exact.TableAsync(InNeedByAgeBand)).Body.GetProperty("data").GetProperty("cohortTable");
        var published = await fixture.Protected.TableAsync(InNeedByAgeBand);
        var table = published.Body.GetProperty("data").GetProperty("cohortTable");

        var exactRows = exact.GetProperty("rows").EnumerateArray().ToList();
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(exactRows.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var truth = exactRows[i].GetProperty("children").GetProperty("value").GetDouble();
            var figure = rows[i].GetProperty("children");
            if (figure.GetProperty("symbol").ValueKind == JsonValueKind.String)
            {
                Assert.Equal("c", figure.GetProperty("symbol").GetString());
                continue;
            }

            var value = figure.GetProperty("value").GetDouble();
            var total = rows[i].GetProperty("total").GetBoolean();
            Assert.Equal(0, value % (total ? 10 : 5));
            Assert.False(truth is >= 1 and <= 5, $"a count of {truth} was published as {value}");
        }

        Assert.Contains(",c", table.GetProperty("csv").GetString(), StringComparison.Ordinal);
        using var index = new Microsoft.Data.Sqlite.SqliteConnection(fixture.Environment.ChildIndexConnectionString);
        index.Open();
        using var command = index.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_child";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.DoesNotContain(reader.GetString(0), published.Body.GetRawText(), StringComparison.Ordinal);
        }
    }

    private static JsonElement Fact(JsonElement catalogue, string agency, string fact) =>
        catalogue.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == agency)
            .GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("name").GetString() == fact);

    private static JsonElement Claims(string token)
    {
        using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));
        return payload.RootElement.Clone();
    }
}
