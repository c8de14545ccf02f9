using System.Collections.Concurrent;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Authorisation;

/// <summary>
/// The authorisation seam: the request context (purpose, justification) reaches the authoriser, a refusal stops the
/// operation before any subgraph is called, and the authoriser decides whether the plan may be shown.
/// </summary>
public sealed class AuthoriserSeamTests(GatewayEnvironment environment)
{
    private const string Query = "query($id: ID!) { child(id: $id) { id } }";

    [Fact]
    public async Task PurposeHeaders_ReachAuthoriser()
    {
        var authoriser = new RecordingAuthoriser();
        var (app, url) = await environment.StartGatewayAsync(authoriser);
        await using var running = app;

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" } }, headers: new Dictionary<string, string>
        {
            ["ChildInfo-Purpose"] = "child_protection",
            ["ChildInfo-Justification"] = "case 123",
        });

        Assert.Equal(200, exchange.Status);
        var context = Assert.Single(authoriser.Seen);
        Assert.Equal("child_protection", context.Purpose);
        Assert.Equal("case 123", context.Justification);
        Assert.False(string.IsNullOrEmpty(context.RequestId));
    }

    [Fact]
    public async Task PurposeInBodyExtensions_ReachesAuthoriser_TheSameBothWaysToo_TwoDifferentAreRefused()
    {
        var authoriser = new RecordingAuthoriser();
        var (app, url) = await environment.StartGatewayAsync(authoriser);
        await using var running = app;

        await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" }, extensions = new { purpose = "early_help", justification = "referral 9" } });
        var same = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" }, extensions = new { purpose = "child_in_need", justification = "referral 10" } },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "child_in_need", ["ChildInfo-Justification"] = "referral 10" });
        var purposes = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" }, extensions = new { purpose = "early_help" } },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "research" });
        var justifications = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" }, extensions = new { justification = "referral 11" } },
            headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "early_help", ["ChildInfo-Justification"] = "referral 12" });

        Assert.Equal(200, same.Status);
        Assert.Equal((400, CallerDeclaration.InvalidPurposeCode), (purposes.Status, purposes.FirstErrorCode));
        Assert.Equal((400, CallerDeclaration.InvalidJustificationCode), (justifications.Status, justifications.FirstErrorCode));
        Assert.DoesNotContain("research", purposes.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("referral 1", justifications.Body.ToString(), StringComparison.Ordinal);
        // The refused requests never reached the authoriser: it saw the two accepted ones only.
        Assert.Equal(
            [("early_help", "referral 9"), ("child_in_need", "referral 10")],
            authoriser.Seen.Select(c => (c.Purpose, c.Justification)).ToList());
    }

    [Fact]
    public async Task Refusal_403_NoData_NoPlan()
    {
        var (app, url) = await environment.StartGatewayAsync(new RecordingAuthoriser { Refuse = true });
        await using var running = app;

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" } },
            headers: new Dictionary<string, string> { ["ChildInfo-Debug-Plan"] = "true" });

        Assert.Equal(403, exchange.Status);
        Assert.Equal("FORBIDDEN", exchange.FirstErrorCode);
        Assert.False(exchange.HasData);
        Assert.False(exchange.Body.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task PlanNotAllowed_DebugHeaderIgnored()
    {
        var (app, url) = await environment.StartGatewayAsync(new RecordingAuthoriser { MayShowPlan = false });
        await using var running = app;

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = Query, variables = new { id = "x" } },
            headers: new Dictionary<string, string> { ["ChildInfo-Debug-Plan"] = "true" });

        Assert.Equal(200, exchange.Status);
        Assert.False(exchange.Body.TryGetProperty("extensions", out _));
    }

    private sealed class RecordingAuthoriser : IOperationAuthoriser
    {
        public ConcurrentQueue<GatewayRequestContext> Seen { get; } = new();

        public bool Refuse { get; init; }

        public bool MayShowPlan { get; init; } = true;

        public string? ScopeKey(GatewayRequestContext context) => context.Purpose;

        public ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken)
        {
            Seen.Enqueue(context);
            return ValueTask.FromResult(Refuse
                ? AuthorisationDecision.Deny(new GraphQLError("Not for this purpose.", "FORBIDDEN"))
                : AuthorisationDecision.Allow(MayShowPlan));
        }
    }
}
