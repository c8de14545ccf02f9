using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Gateway.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Web.Tests;

/// <summary>
/// Recording on a child's behalf through the gateway's API (the federated mutations of children's social care), as
/// any client would: the policy decides who may record, the agency decides the relationship, hostile input gets
/// clear errors and never a 500, and every call is audited with its purpose. Ama Boateng (CH-4FGYJKEH, LA1356246)
/// is on Daniel Scott's caseload and in no other test.
/// </summary>
public sealed class RecordingApiTests(DemoGateway gateway)
{
    private const string AmaSocialCare = "LA1356246";

    private const string RecordWish = """
        mutation RecordDataUseWish($personId: ID!, $wish: DataUseWishInput!) {
          recordDataUseWish(personId: $personId, wish: $wish) { code statement recordedBy }
        }
        """;

    private const string Reason = "CIN review CIN-5521";

    private static object Wish(string statement) => new { code = "NO_RESEARCH_USE", dataCategory = "ALL", withheldFromPurposes = new[] { "research" }, expressedBy = "PARENT", statement };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string persona, string? purpose, string? justification, string query, object variables)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, extensions = new { purpose, justification } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Token(persona));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (response.StatusCode, body);
    }

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task A_social_worker_records_a_wish_for_a_child_on_their_caseload_and_the_audit_names_the_purpose()
    {
        var statement = "Ama's mum does not want her records used for research. " + Guid.NewGuid().ToString("N")[..8];

        var (status, body) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish, new { personId = AmaSocialCare, wish = Wish(statement) });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(Code(body));
        Assert.Equal("Social worker, W0022", body.GetProperty("data").GetProperty("recordDataUseWish").GetProperty("recordedBy").GetString());
        var audit = gateway.Services.GetRequiredService<GatewayAudit>().Store;
        var records = await audit.ReadAsync(0, 100_000, TestContext.Current.CancellationToken);
        var record = records.Last(r => r.OperationText?.Contains(statement, StringComparison.Ordinal) == true
            || r.OperationText?.Contains("RecordDataUseWish", StringComparison.Ordinal) == true && r.User == "W0022");
        Assert.Equal("child_in_need", record.Purpose);
        Assert.Equal("social_worker", record.Role);
        Assert.Contains("recordDataUseWish", record.OperationText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_manager_screening_any_child_may_not_record_and_is_told_why()
    {
        var (status, body) = await PostAsync("team-manager", "child_protection", "MASH contact M-4471", RecordWish, new { personId = AmaSocialCare, wish = Wish("Should not be recorded.") });

        Assert.NotEqual(HttpStatusCode.InternalServerError, status);
        Assert.Equal("RECORDING_NOT_ALLOWED", Code(body));
        Assert.Contains("does not allow recording 'preference'", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("recordDataUseWish", out var recorded) && recorded.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_school_safeguarding_lead_may_not_record_in_social_care()
    {
        // The school's rule records wishes (in the school's own record); social care, which holds this record,
        // allocates no child to a school, so it refuses the relationship.
        var (_, body) = await PostAsync("school-dsl", "education_welfare", null, RecordWish, new { personId = AmaSocialCare, wish = Wish("Should not be recorded.") });

        Assert.Equal("OUTSIDE_SCOPE", Code(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("recordDataUseWish").ValueKind);
    }

    [Fact]
    public async Task A_recording_without_a_purpose_is_refused_before_anything_runs()
    {
        var (status, body) = await PostAsync("social-worker", null, null, RecordWish, new { personId = AmaSocialCare, wish = Wish("No purpose.") });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("PURPOSE_REQUIRED", Code(body));
    }

    [Fact]
    public async Task A_recording_for_a_child_outside_the_caseload_or_unknown_is_outside_scope_alike()
    {
        // LA3511370 is Megan (CH-074413D7), known to social care but not allocated to Daniel Scott.
        var (_, outside) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish, new { personId = "LA3511370", wish = Wish("Not mine.") });
        var (_, unknown) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish, new { personId = "NO-SUCH-CHILD", wish = Wish("Nobody.") });

        Assert.Equal("OUTSIDE_SCOPE", Code(outside));
        Assert.Equal("OUTSIDE_SCOPE", Code(unknown));
        Assert.Equal(outside.GetProperty("errors")[0].GetProperty("message").GetString(), unknown.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Over_long_or_malformed_input_gets_a_clear_error_never_a_500()
    {
        var (longStatus, tooLong) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish, new { personId = AmaSocialCare, wish = Wish(new string('x', 5_000)) });
        var (badStatus, badCode) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish,
            new { personId = AmaSocialCare, wish = new { code = "'; DROP TABLE cms_data_use_preference; --", dataCategory = "ALL", expressedBy = "PARENT", statement = "x" } });
        var (missingStatus, missing) = await PostAsync("social-worker", "child_in_need", Reason, RecordWish, new { personId = AmaSocialCare, wish = new { code = "NO_RESEARCH_USE" } });

        Assert.Equal("INVALID_RECORDING", Code(tooLong));
        Assert.Contains("at most 1000", tooLong.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("INVALID_RECORDING", Code(badCode));
        Assert.NotNull(Code(missing));
        Assert.All(new[] { longStatus, badStatus, missingStatus }, s => Assert.True((int)s < 500, $"status {(int)s}"));
        Assert.DoesNotContain("   at ", missing.GetRawText(), StringComparison.Ordinal);
    }
}
