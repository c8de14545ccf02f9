using System.Net;
using System.Text.Json;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>The audit API: closed to everyone but the data protection officer; verification, reports and review when open.</summary>
public sealed class AuditApiTests(GatewayEnvironment environment)
{
    [Theory]
    [InlineData("/audit/verify")]
    [InlineData("/audit/children/CH-1/report")]
    [InlineData("/audit/review")]
    public async Task NoIdentity_Refused403(string path)
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);

        using var response = await environment.Client.GetAsync(new Uri(gateway.BaseUrl, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AuditErrorCodes.AuditForbidden, body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task OfficerAllowed_VerifyReportReview()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddAuditAccessCheck<AllowEveryone>());
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "early_help" });

        using var verify = JsonDocument.Parse(await environment.Client.GetStringAsync(new Uri(gateway.BaseUrl, "/audit/verify")));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(1, verify.RootElement.GetProperty("recordsChecked").GetInt32());

        using var textRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseUrl, $"/audit/children/{child}/report"));
        textRequest.Headers.Accept.ParseAdd("text/plain");
        using var text = await environment.Client.SendAsync(textRequest);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Your information was viewed once in the last year", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await environment.Client.GetStringAsync(new Uri(gateway.BaseUrl, $"/audit/children/{child}/report")));
        var accesses = json.RootElement.GetProperty("accesses").EnumerateArray().ToList();
        Assert.Equal(["early_help", AuditEndpoints.OversightPurpose], accesses.Select(a => a.GetProperty("purpose").GetString()));
        var access = accesses[0];
        Assert.Contains(access.GetProperty("disclosed").EnumerateArray(), f => f.GetProperty("source").GetString() == "education");

        using var review = JsonDocument.Parse(await environment.Client.GetStringAsync(new Uri(gateway.BaseUrl, "/audit/review")));
        Assert.Equal(0, review.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ReadingTheAudit_IsItselfRecorded_AllowedOrRefused()
    {
        await using var refusedGateway = await AuditedGateway.StartAsync(environment);
        using var refused = await environment.Client.GetAsync(new Uri(refusedGateway.BaseUrl, "/audit/children/CH-REFUSED/report"));
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddAuditAccessCheck<AllowEveryone>());
        using var verify = await environment.Client.GetAsync(new Uri(gateway.BaseUrl, "/audit/verify"));
        using var report = await environment.Client.GetAsync(new Uri(gateway.BaseUrl, "/audit/children/CH-READ/report?days=30"));

        var denied = Assert.Single(await refusedGateway.Store.ReadAsync(0, 10, TestContext.Current.CancellationToken));
        var records = await gateway.Store.ReadAsync(0, 10, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(AuditEndpoints.OversightPurpose, denied.Purpose);
        Assert.Equal(ChildInfo.Audit.Records.AuditOutcome.Denied, denied.Outcome);
        Assert.Equal("GET /audit/children/CH-REFUSED/report", denied.Payload!.OperationText);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((AuditEndpoints.OversightPurpose, ChildInfo.Audit.Records.AuditOutcome.Ok), (r.Purpose, r.Outcome)));
        Assert.Equal(["GET /audit/verify", "GET /audit/children/CH-READ/report?days=30"], records.Select(r => r.Payload!.OperationText));
        Assert.Equal(["CH-REFUSED"], denied.ChildIds);
        Assert.Equal([[], ["CH-READ"]], records.Select(r => r.ChildIds.ToArray()));
    }

    [Fact]
    public async Task ReadingAChildsReport_IsInThatChildsNextReport_ButNotCountedAsAViewOfTheirInformation()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddAuditAccessCheck<AllowEveryone>());
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "early_help" });

        async Task<string> ReportAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseUrl, $"/audit/children/{child}/report"));
            request.Headers.Accept.ParseAdd("text/plain");
            using var response = await environment.Client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        var first = await ReportAsync();
        var second = await ReportAsync();

        Assert.DoesNotContain("read this record", first, StringComparison.Ordinal);
        Assert.Contains("Your information was viewed once in the last year", second, StringComparison.Ordinal);
        Assert.Contains("This record of who looked at your information was itself read once, to check that your information is used properly.", second, StringComparison.Ordinal);
        Assert.Contains("read this record of who has looked at your information, to check that it is used properly. They saw no other information about you.", second, StringComparison.Ordinal);
    }

    private sealed class AllowEveryone : IAuditAccessCheck
    {
        public ValueTask<bool> MayReadAuditAsync(HttpContext http) => ValueTask.FromResult(true);
    }
}
