using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary><c>childinfo policy explain</c> and <c>GET /policy/explain</c> over the sample policy set.</summary>
public sealed class PolicyExplainTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["policy", "explain", .. args, "--policies", PolicyGatewayFixture.PolicyDirectory], output, error, ChildInfo.Gateway.Demo.DemoCommandLine.Extensions);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string? role, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.GraphQLUrl, "/policy/explain?" + query));
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Token(role));
        }

        using var response = await gateway.Environment.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Cli_KnownRoleAndPurpose_PrintsRuleLegalBasisAndLabels()
    {
        var (exit, output, error) = await RunAsync("--role", "social_worker", "--purpose", "child_protection");

        Assert.True(exit == 0, error);
        Assert.Contains("Role: social_worker", output, StringComparison.Ordinal);
        Assert.Contains("Rule: social_worker/child_protection", output, StringComparison.Ordinal);
        Assert.Contains("Legal basis:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_PurposeTheRoleMayNotUse_SaysNotPermitted()
    {
        var (exit, output, _) = await RunAsync("--role", "school_dsl", "--purpose", "child_protection");

        Assert.Equal(0, exit);
        Assert.Contains("Not permitted.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownRole_Exits2ListingKnownRoles()
    {
        var (exit, _, error) = await RunAsync("--role", "janitor", "--purpose", "child_protection");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown role 'janitor'", error, StringComparison.Ordinal);
        Assert.Contains("social_worker", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownPurpose_Exits2ListingKnownPurposes()
    {
        var (exit, _, error) = await RunAsync("--role", "social_worker", "--purpose", "curiosity");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown purpose 'curiosity'", error, StringComparison.Ordinal);
        Assert.Contains("child_protection", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_MissingPurpose_Exits2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await CommandLine.RunAsync(["policy", "explain", "--role", "social_worker"], output, error, ChildInfo.Gateway.Demo.DemoCommandLine.Extensions));
        Assert.Contains("--purpose", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_OwnRole_200WithExplanationAndText()
    {
        var (status, body) = await GetAsync("social_worker", "role=social_worker&purpose=child_protection");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("explanation").GetProperty("permitted").GetBoolean());
        Assert.Contains("Rule: social_worker/child_protection", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnotherRole_403()
    {
        var (status, body) = await GetAsync("school_dsl", "role=social_worker&purpose=child_protection");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FORBIDDEN", Code(body));
    }

    [Fact]
    public async Task Api_DataProtectionOfficer_MayAskAboutAnyRole()
    {
        var (status, body) = await GetAsync("data_protection_officer", "role=school_dsl&purpose=education_welfare");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Rule: school_dsl/education_welfare", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownPurpose_400NamingKnownPurposes()
    {
        var (status, body) = await GetAsync("data_protection_officer", "role=social_worker&purpose=curiosity");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Known purposes:", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_NoToken_401()
    {
        var (status, body) = await GetAsync(null, "role=social_worker&purpose=child_protection");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", Code(body));
    }
}
