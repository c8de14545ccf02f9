using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// Who may not ask an aggregate question, and what is not a question: each is refused with a clear error and a
/// status, nothing is asked of any agency, and the refusal is audited with no child named.
/// </summary>
public sealed class AnalyticsRefusalTests(AnalyticsGatewayFixture fixture) : IClassFixture<AnalyticsGatewayFixture>
{
    private const string Catalogue = "{ cohortCatalogue { agencies { agency } } }";

    [Theory]
    [InlineData("social_worker", "child_protection")]
    [InlineData("school_dsl", "education_welfare")]
    [InlineData("early_help_worker", "early_help")]
    public async Task Ask_UnderARowLevelPurpose_IsRefusedBeforeAnyAgencyIsAsked(string role, string purpose)
    {
        var marker = $"row-level-{role}-{Guid.NewGuid():N}";

        var exchange = await fixture.Protected.AskAsync(Catalogue, role: role, purpose: purpose, marker: marker);

        Assert.Equal(403, exchange.Status);
        Assert.False(exchange.HasData);
        Assert.Equal("NOT_AGGREGATE", exchange.ErrorCodes.Single());
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
    }

    [Fact]
    public async Task Questions_PastTheDaysBudget_AreRefusedWithWhenItRenews_WhileRefusedQuestionsCostNothingAndOthersMayAsk()
    {
        var question = new { asAt = "2026-10-01", condition = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } } };
        var gateway = fixture.Budgeted;

        var invalid = await gateway.TableAsync(new { asAt = "2026-10-01", condition = new { fact = new { agency = "social-care", fact = "no_such_fact", asAt = "2026-10-01" } } });
        var answered = new List<HttpExchange>();
        for (var i = 0; i < AnalyticsGatewayFixture.BudgetPerDay; i++)
        {
            answered.Add(await gateway.TableAsync(question));
        }

        var marker = $"over-budget-{Guid.NewGuid():N}";
        var over = await gateway.TableAsync(question, marker: marker);
        var colleague = await gateway.TableAsync(question, role: "data_protection_officer");

        Assert.Equal("COHORT_UNKNOWN_FACT", invalid.FirstErrorCode);
        Assert.All(answered, a => Assert.Empty(a.ErrorCodes));
        Assert.Equal([ChildInfo.Gateway.Analytics.AnalyticsQuery.BudgetSpentCode], over.ErrorCodes);
        var error = over.Body.GetProperty("errors")[0];
        Assert.Contains("renews in", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(error.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt64(), 1, 86_400);
        Assert.True(!over.Body.TryGetProperty("data", out var data) || data.ValueKind == System.Text.Json.JsonValueKind.Null || data.GetProperty("cohortTable").ValueKind == System.Text.Json.JsonValueKind.Null);
        // The catalogue was read to check the question; no agency was asked for a record key.
        Assert.DoesNotContain(fixture.Recorder.CallsByMarker(marker), c => c.BodyText.Contains("_cohortMembers", StringComparison.Ordinal));
        Assert.Empty(colleague.ErrorCodes);
    }

    [Fact]
    public async Task Questions_WhenTheBudgetCannotBeCounted_AreNotAnswered()
    {
        var marker = $"budget-unchecked-{Guid.NewGuid():N}";

        var exchange = await fixture.Unchecked.TableAsync(new { asAt = "2026-10-01", condition = new { fact = new { agency = "social-care", fact = "child_in_need", asAt = "2026-10-01" } } }, marker: marker);

        Assert.Equal([ChildInfo.Gateway.Analytics.AnalyticsQuery.BudgetUncheckedCode], exchange.ErrorCodes);
        Assert.DoesNotContain(fixture.Recorder.CallsByMarker(marker), c => c.BodyText.Contains("_cohortMembers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_WithoutAToken_IsChallenged()
    {
        var exchange = await HttpExchange.PostJsonAsync(fixture.Environment.Client, fixture.Protected.AnalyticsUrl, new { query = Catalogue },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "service_planning" });

        Assert.Equal(401, exchange.Status);
        Assert.False(exchange.HasData);
    }

    [Fact]
    public async Task Ask_InAUrl_IsRefusedWithAllowPost()
    {
        var exchange = await HttpExchange.GetAsync(fixture.Environment.Client, fixture.Protected.AnalyticsUrl, "query=" + Uri.EscapeDataString(Catalogue),
            headers: fixture.Protected.Headers("la_analyst", "service_planning"));

        Assert.Equal(405, exchange.Status);
        Assert.Equal(["POST"], exchange.Allow);
    }

    [Fact]
    public async Task CohortFields_AreNotInTheRecordLevelApi_EvenForAnAnalyst()
    {
        var marker = $"hidden-{Guid.NewGuid():N}";
        var headers = fixture.Protected.Headers("la_analyst", "service_planning", marker);

        var members = await HttpExchange.PostJsonAsync(fixture.Environment.Client, fixture.Protected.GraphQLUrl,
            new { query = "{ _cohortMembers(fact: \"cp_plan\") { localId } }" }, headers: headers);
        var population = await HttpExchange.PostJsonAsync(fixture.Environment.Client, fixture.Protected.GraphQLUrl,
            new { query = "{ _cohortPopulation(asAt: \"2026-09-01\", dimensions: [\"sex\"]) { childIds } }" }, headers: headers);
        var wishes = await HttpExchange.PostJsonAsync(fixture.Environment.Client, fixture.Protected.GraphQLUrl,
            new { query = "{ w: _cohortWishes { localId code withheldFromPurposes } }" }, headers: headers);

        Assert.All([members, population, wishes], e =>
        {
            Assert.False(e.HasData);
            Assert.Contains("GRAPHQL_VALIDATION_FAILED", e.ErrorCodes);
        });
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
    }

    [Theory]
    [InlineData("""{ "asAt": "2026-09-01", "condition": { "not": { "fact": { "agency": "social-care", "fact": "cp_plan", "asAt": "2026-09-01" } }, "fact": { "agency": "education", "fact": "ehc_plan" } } }""", "condition")]
    [InlineData("""{ "asAt": "2026-09-01", "groupBy": [ { "index": "sex", "agency": "education" } ] }""", "dimensions[0]")]
    [InlineData("""{ "asAt": "2026-09-01", "measure": { "kind": "MEAN" } }""", "measure")]
    [InlineData("""{ "asAt": "2026-09-01", "condition": { "fact": { "agency": "social-care", "fact": "cp_plan", "asAt": "2026-09-01", "from": "2026-01-01", "to": "2026-06-30" } } }""", "condition.fact")]
    public async Task Ask_AMalformedQuestion_GetsEveryProblemWithWhereItIs_AndAsksNoAgency(string question, string where)
    {
        var marker = $"malformed-{Guid.NewGuid():N}";

        var exchange = await fixture.Protected.TableAsync(System.Text.Json.JsonDocument.Parse(question).RootElement, marker: marker);

        Assert.Equal(200, exchange.Status);
        var error = Assert.Single(exchange.Body.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("COHORT_", error.GetProperty("extensions").GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Contains(error.GetProperty("extensions").GetProperty("problems").EnumerateArray(), p => p.GetProperty("where").GetString() == where);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
        Assert.Empty(fixture.Recorder.CallsByMarker(marker));
    }

    [Fact]
    public async Task CatalogueAskedUnderManyAliases_AsksEachAgencyOnce()
    {
        var marker = $"aliases-{Guid.NewGuid():N}";
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"c{i}: cohortCatalogue {{ unavailable }}")) + " }";

        var exchange = await fixture.Protected.AskAsync(query, marker: marker);

        Assert.Empty(exchange.ErrorCodes);
        var calls = fixture.Recorder.CallsByMarker(marker);
        Assert.NotEmpty(calls);
        Assert.All(calls.GroupBy(c => c.Url), g => Assert.Single(g));
    }

    [Fact]
    public async Task Refusals_AreAudited_AsDenied_NamingNoChild()
    {
        var marker = $"audited-refusal-{Guid.NewGuid():N}";
        await fixture.Protected.AskAsync(Catalogue, role: "social_worker", purpose: "child_protection", marker: marker);

        var record = (await fixture.Protected.AuditAsync()).Last(r => r.Payload?.Justification == marker);

        Assert.Equal(AuditOutcome.Denied, record.Outcome);
        Assert.Empty(record.ChildIds);
        Assert.Null(record.Payload!.Aggregate);
        Assert.Contains("cohortCatalogue", record.Payload.OperationText, StringComparison.Ordinal);
    }
}
