using System.Text.Json;
using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>Identity and purpose binding: nothing is served on doubt, and each refusal says what is wrong.</summary>
public sealed class PurposeBindingTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private const string Query = "query($id: ID!) { child(id: $id) { id forename socialCareChild { personId section47Enquiries { enquiryId } } } }";

    private Task<Support.HttpExchange> Post(string? token, string? purpose, string? justification = "case 1", IDictionary<string, string>? extra = null) =>
        gateway.PostAsync(Query, new { id = "x" }, token, purpose, justification, extra);

    private static string Message(Support.HttpExchange e) => e.Body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    [Fact]
    public async Task NoToken_401()
    {
        var e = await Post(null, "child_protection");
        Assert.Equal(401, e.Status);
        Assert.Equal("UNAUTHENTICATED", e.FirstErrorCode);
        Assert.Contains("bearer token is required", Message(e), StringComparison.Ordinal);
        Assert.False(e.HasData);
    }

    [Fact]
    public async Task ExpiredToken_401()
    {
        var e = await Post(gateway.Token("social_worker", TimeSpan.FromMinutes(-10)), "child_protection");
        Assert.Equal(401, e.Status);
        Assert.Contains("expired", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSignature_401()
    {
        var e = await Post(gateway.Token("social_worker", key: new byte[32]), "child_protection");
        Assert.Equal(401, e.Status);
        Assert.Contains("signature", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedToken_401()
    {
        var e = await Post("not-a-token", "child_protection");
        Assert.Equal(401, e.Status);
        Assert.False(e.HasData);
    }

    [Fact]
    public async Task UnknownRole_403()
    {
        var e = await Post(gateway.Token("janitor"), "child_protection");
        Assert.Equal(403, e.Status);
        Assert.Equal("UNKNOWN_ROLE", e.FirstErrorCode);
    }

    [Fact]
    public async Task MissingPurpose_403_ListsPurposes()
    {
        var e = await Post(gateway.Token("social_worker"), null);
        Assert.Equal(403, e.Status);
        Assert.Equal("PURPOSE_REQUIRED", e.FirstErrorCode);
        Assert.Contains("child_protection, child_in_need", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisallowedPurpose_403_ListsPurposes()
    {
        var e = await Post(gateway.Token("school_dsl"), "child_protection");
        Assert.Equal(403, e.Status);
        Assert.Equal("PURPOSE_NOT_ALLOWED", e.FirstErrorCode);
        Assert.Contains("education_welfare", Message(e), StringComparison.Ordinal);
        Assert.Equal("education_welfare", e.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("allowedPurposes")[0].GetString());
    }

    [Fact]
    public async Task JustificationRequired_403()
    {
        var e = await Post(gateway.Token("social_worker"), "child_protection", justification: null);
        Assert.Equal(403, e.Status);
        Assert.Equal("JUSTIFICATION_REQUIRED", e.FirstErrorCode);
    }

    [Fact]
    public async Task BreakGlass_NotAllowedByRule_403()
    {
        var e = await Post(gateway.Token("team_manager"), "child_protection", extra: new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" });
        Assert.Equal(403, e.Status);
        Assert.Equal("BREAK_GLASS_NOT_ALLOWED", e.FirstErrorCode);
    }

    [Fact]
    public async Task BreakGlass_Allowed_Served()
    {
        var e = await Post(gateway.Token("social_worker"), "child_protection", extra: new Dictionary<string, string> { ["ChildInfo-Break-Glass"] = "true" });
        Assert.Equal(200, e.Status);
    }

    [Fact]
    public async Task NoPurposeRole_SystemOwner_403()
    {
        var e = await Post(gateway.Token("system_owner"), "service_planning");
        Assert.Equal(403, e.Status);
        Assert.Contains("none", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_RefusesWholeOperation()
    {
        var e = await Post(gateway.Token("school_dsl"), "education_welfare", extra: new Dictionary<string, string> { ["ChildInfo-Strict"] = "true" });
        Assert.Equal(403, e.Status);
        Assert.False(e.HasData);
        Assert.Contains(e.Body.GetProperty("errors").EnumerateArray(), x => x.GetProperty("extensions").GetProperty("field").GetString() == "SocialCareChild.section47Enquiries");
    }

    [Fact]
    public async Task Withheld_NonNullField_PropagatesNull_WithCodeReasonRuleLabel_AndSummary()
    {
        var child = await AnyChildWithSocialCareAsync();
        // The token holds the child's relationships (the school whose roll the child is on), so the child is in scope.
        var e = await gateway.PostAsync(Query, new { id = child }, gateway.TokenFor("school_dsl", child), "education_welfare", null);
        Assert.Equal(200, e.Status);
        // section47Enquiries is non-null in the schema: the withheld null propagates to the nearest nullable parent.
        var node = e.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(JsonValueKind.Null, node.GetProperty("socialCareChild").ValueKind);
        Assert.False(string.IsNullOrEmpty(node.GetProperty("forename").GetString()));
        var error = e.Body.GetProperty("errors").EnumerateArray().First(x => x.GetProperty("extensions").GetProperty("field").GetString() == "SocialCareChild.section47Enquiries");
        var extensions = error.GetProperty("extensions");
        Assert.Equal("LABEL_DENIED", extensions.GetProperty("code").GetString());
        Assert.Equal("school_dsl/education_welfare", extensions.GetProperty("rule").GetString());
        Assert.Equal("protection", extensions.GetProperty("label").GetString());
        Assert.False(string.IsNullOrEmpty(extensions.GetProperty("reason").GetString()));
        var summary = e.Body.GetProperty("extensions").GetProperty("withheld");
        Assert.Contains(summary.EnumerateArray(), w => w.GetProperty("field").GetString() == "SocialCareChild.section47Enquiries" && w.GetProperty("count").GetInt32() == 1);
    }

    [Fact]
    public async Task TokenCommand_RefusedOutsideDevelopment()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TokenCommand.RunAsync(["--role", "social_worker"], output, error, "Production", CancellationToken.None);
        Assert.NotEqual(0, code);
        Assert.Contains("Development", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task TokenCommand_Development_TokenOnLastLine_Accepted()
    {
        var data = Directory.CreateTempSubdirectory("childinfo-token-").FullName;
        var output = new StringWriter();
        var code = await TokenCommand.RunAsync(["--role", "social_worker", "--data", data], output, new StringWriter(), "Development", CancellationToken.None);
        Assert.Equal(0, code);
        var token = output.ToString().Trim().Split('\n')[^1].Trim();
        Assert.Equal(3, token.Split('.').Length);
        Directory.Delete(data, true);
    }

    private async Task<string> AnyChildWithSocialCareAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(gateway.Environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.child_id FROM ci_record_link l
            WHERE EXISTS (SELECT 1 FROM ci_relationship r WHERE r.child_id = l.child_id AND r.kind = 'school_roll' AND r.end_date IS NULL)
            GROUP BY l.child_id HAVING COUNT(DISTINCT l.source_system) = 4 ORDER BY l.child_id LIMIT 1
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
