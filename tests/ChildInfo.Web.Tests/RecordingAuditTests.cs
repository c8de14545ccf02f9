using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Web.Tests;

/// <summary>
/// The audit names the child of a record reached without <c>child(id:)</c>, from the child index's own links: a
/// recording on the child's behalf (written or refused) and an agency's direct lookup, so the child's access report
/// tells them. Ama Boateng (CH-4FGYJKEH, social care LA1356246) is on Daniel Scott's caseload; Megan (CH-074413D7,
/// LA3511370) is known to social care but not allocated to him.
/// </summary>
public sealed class RecordingAuditTests(DemoGateway gateway)
{
    private const string Ama = "CH-4FGYJKEH";
    private const string AmaSocialCare = "LA1356246";
    private const string Megan = "CH-074413D7";
    private const string MeganSocialCare = "LA3511370";

    private const string RecordWish = """
        mutation RecordDataUseWish($personId: ID!, $wish: DataUseWishInput!) {
          recordDataUseWish(personId: $personId, wish: $wish) { code statement recordedBy }
        }
        """;

    private static object Wish(string statement) => new { code = "NO_RESEARCH_USE", dataCategory = "ALL", withheldFromPurposes = new[] { "research" }, expressedBy = "PARENT", statement };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string persona, string purpose, string? justification, string query, object variables)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, extensions = new { purpose, justification } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Token(persona));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>The child's access report in plain words, as the data protection officer reads it.</summary>
    private async Task<string> ReportAsync(string childId)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/audit/children/{childId}/report");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Token("data-protection-officer"));
        request.Headers.Accept.ParseAdd("text/plain");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task<AuditRecord> RecordOfAsync(string marker)
    {
        var records = await gateway.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 100_000, TestContext.Current.CancellationToken);
        return records.Last(r => r.OperationText?.Contains(marker, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_written_wish_names_exactly_its_child_and_the_childs_report_says_it_was_recorded()
    {
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var (status, body) = await PostAsync("social-worker", "child_in_need", "CIN review CIN-5521",
            RecordWish.Replace("RecordDataUseWish(", marker + "(", StringComparison.Ordinal), new { personId = AmaSocialCare, wish = Wish("No research, please.") });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").GetProperty("recordDataUseWish").ValueKind);
        var record = await RecordOfAsync(marker);
        Assert.Equal([Ama], record.ChildIds);
        var child = Assert.Single(record.Payload!.Children);
        var recorded = Assert.Single(child.Recorded);
        Assert.Equal(new RecordedField("Mutation.recordDataUseWish", "preference", "social-care", Written: true), recorded);

        var report = await ReportAsync(Ama);
        Assert.Contains(
            "W0022 (a social worker at Northshire Children's Services) recorded a wish of yours or your family's about how your information is shared (in children's social care records), to plan support for you and your family (child in need).",
            report, StringComparison.Ordinal);
        Assert.DoesNotContain("recordDataUseWish", report, StringComparison.Ordinal);
        Assert.Contains("Something was recorded on your behalf", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wish_the_service_refuses_names_the_child_and_is_not_reported_as_written()
    {
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var (_, body) = await PostAsync("social-worker", "child_in_need", "CIN review CIN-5521",
            RecordWish.Replace("RecordDataUseWish(", marker + "(", StringComparison.Ordinal), new { personId = MeganSocialCare, wish = Wish("Not Daniel's to record.") });

        Assert.Equal("OUTSIDE_SCOPE", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var record = await RecordOfAsync(marker);
        Assert.Equal([Megan], record.ChildIds);
        Assert.False(Assert.Single(Assert.Single(record.Payload!.Children).Recorded).Written);

        var report = await ReportAsync(Megan);
        var lines = report.Split('\n').Where(l => l.Contains("asked to record a wish of yours", StringComparison.Ordinal) && l.Contains("W0022", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Contains("This was refused, and nothing of it was recorded.", line, StringComparison.Ordinal));
        Assert.DoesNotContain("W0022 (a social worker at Northshire Children's Services) recorded", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wish_the_policy_refuses_names_the_child_and_is_not_reported_as_written()
    {
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var (_, body) = await PostAsync("team-manager", "child_protection", "MASH contact M-4471",
            RecordWish.Replace("RecordDataUseWish(", marker + "(", StringComparison.Ordinal), new { personId = AmaSocialCare, wish = Wish("Should not be recorded.") });

        Assert.Equal("RECORDING_NOT_ALLOWED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var record = await RecordOfAsync(marker);
        Assert.Equal([Ama], record.ChildIds);
        Assert.False(Assert.Single(Assert.Single(record.Payload!.Children).Recorded).Written);
        var report = await ReportAsync(Ama);
        Assert.Contains("tm.adeyemi (a social work team manager at Northshire Children's Services) asked to record a wish of yours or your family's", report, StringComparison.Ordinal);
        Assert.DoesNotContain("tm.adeyemi (a social work team manager at Northshire Children's Services) recorded", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_id_the_caller_sends_with_a_recording_is_not_what_the_audit_names()
    {
        // Nothing in a recording names a child id; one sent beside it (an undeclared variable) is ignored, and the
        // child index says whose record it is.
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var (_, body) = await PostAsync("social-worker", "child_in_need", "CIN review CIN-5521",
            RecordWish.Replace("RecordDataUseWish(", marker + "(", StringComparison.Ordinal),
            new { personId = AmaSocialCare, wish = Wish("Still Ama's."), id = Megan, childId = Megan });

        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        var record = await RecordOfAsync(marker);
        Assert.Equal([Ama], record.ChildIds);
    }

    [Theory]
    [InlineData("query {0}($key: ID!) {{ socialCareChild(personId: $key) {{ forename }} }}", AmaSocialCare, Ama)]
    [InlineData("query {0}($key: ID!) {{ caseload(workerId: \"W0022\") {{ personId forename }} socialCareChild(personId: $key) {{ forename }} }}", AmaSocialCare, Ama)]
    public async Task An_agencys_own_lookup_names_the_child_of_the_record_it_showed(string template, string key, string child)
    {
        var marker = "M" + Guid.NewGuid().ToString("N")[..10];
        var (status, body) = await PostAsync("social-worker", "child_in_need", "CIN review CIN-5521", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, marker), new { key });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        var record = await RecordOfAsync(marker);
        var mine = Assert.Single(record.Payload!.Children, c => c.ChildId == child);
        Assert.Contains(mine.Disclosed, f => f.Field == "SocialCareChild.forename" && f.Source == "social-care");
        Assert.Empty(mine.Recorded);
        Assert.All(record.ChildIds, id => Assert.StartsWith("CH-", id, StringComparison.Ordinal));
        Assert.Contains("looked at your information to plan support for you and your family (child in need).", await ReportAsync(child), StringComparison.Ordinal);
    }
}
