using System.Text;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// Every request through the gateway leaves exactly one audit record, written before the response: answered,
/// refused before execution, or rejected as a bad request; and a request whose record cannot be written gets no data.
/// </summary>
public sealed class RequestAuditTests(GatewayEnvironment environment)
{
    private const string ChildName = "query($id: ID!) { child(id: $id) { id forename } }";

    [Fact]
    public async Task MixedRequests_EachLeaveExactlyOneRecord()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddSingleton<IOperationAuthoriser>(new RefuseResearch()));
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        var client = environment.Client;
        var before = (await gateway.RecordsAsync()).Count;

        var exchanges = new List<(string What, int Status)>();
        async Task Post(string what, string body, IDictionary<string, string>? headers = null, string? accept = "application/graphql-response+json")
        {
            var exchange = await HttpExchange.PostAsync(client, gateway.GraphQLUrl, body, accept: accept, headers: headers);
            exchanges.Add((what, exchange.Status));
        }

        string Json(object payload) => System.Text.Json.JsonSerializer.Serialize(payload);
        var purpose = new Dictionary<string, string> { ["ChildInfo-Purpose"] = "child_protection", ["ChildInfo-Justification"] = "case 42" };
        for (var i = 0; i < 3; i++)
        {
            await Post("ok", Json(new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } }), purpose);
        }

        await Post("unknown child", Json(new { query = ChildName, variables = new { id = "CH-NOSUCHCHILD" } }), purpose);
        await Post("not json", "{ this is not json");
        await Post("parse error", Json(new { query = "query { child(id: " }));
        await Post("validation error", Json(new { query = "{ child(id: \"x\") { noSuchField } }" }));
        await Post("no query", Json(new { variables = new { } }));
        await Post("not acceptable", Json(new { query = ChildName, variables = new { id = child } }), accept: "text/html");
        await Post("denied", Json(new { query = ChildName, variables = new { id = child } }), new Dictionary<string, string> { ["ChildInfo-Purpose"] = "research" });
        var get = await HttpExchange.GetAsync(client, gateway.GraphQLUrl, "query=" + Uri.EscapeDataString("mutation { x }"));
        exchanges.Add(("mutation over GET", get.Status));

        var records = await gateway.RecordsAsync();
        Assert.Equal(exchanges.Count, records.Count - before);
        var mine = records.Skip(before).ToList();
        Assert.Equal(mine.Count, mine.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(3, mine.Count(r => r.Outcome == AuditOutcome.Ok && r.ChildIds.SequenceEqual([child])));
        Assert.Contains(mine, r => r.Outcome == AuditOutcome.Ok && r.ChildIds.SequenceEqual(["CH-NOSUCHCHILD"]));
        var denied = Assert.Single(mine, r => r.Outcome == AuditOutcome.Denied);
        Assert.Equal("research", denied.Purpose);
        Assert.Equal([child], denied.ChildIds);
        Assert.Equal(exchanges.Count - 5, mine.Count(r => r.Outcome == AuditOutcome.Error));
        Assert.All(mine.Where(r => r.Outcome == AuditOutcome.Ok), r => Assert.Equal("child_protection", r.Purpose));
        Assert.All(mine.Where(r => r.Outcome == AuditOutcome.Ok), r => Assert.Equal("case 42", r.Justification));
        Assert.True((await gateway.App.Services.GetRequiredService<GatewayAudit>().Log.CreateVerifier().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Record_HoldsOperationText_NeverVariables()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        const string secret = "VARIABLE-VALUE-THAT-MUST-NOT-BE-STORED";
        await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = "query($id: ID!, $unused: String) { child(id: $id) { id } }", variables = new { id = "CH-NOSUCHCHILD", unused = secret } });

        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal("query($id:ID!$unused:String){child(id:$id){id}}", record.OperationText);
        Assert.Equal(OperationText.Hash(record.OperationText!), record.OperationHash);
        Assert.DoesNotContain(secret, record.PayloadJson!, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(gateway.AuditFile);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinedUpQuery_RecordsTheChild_AndWhatCameFromEachSubgraph()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } });
        Assert.Equal(200, exchange.Status);

        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal([child], record.ChildIds);
        var disclosure = Assert.Single(record.Payload!.Children);
        Assert.Equal(child, disclosure.ChildId);
        var sources = disclosure.Disclosed.Select(f => f.Source).Distinct().Order().ToList();
        Assert.Contains("child-index", sources);
        foreach (var agency in environment.GeneratedAgencies)
        {
            Assert.Contains(agency, sources);
        }

        Assert.Contains(disclosure.Disclosed, f => f is { Field: "Child.forename", Source: "child-index" });
        Assert.Contains(disclosure.Disclosed, f => f is { Field: "Pupil.surname", Source: "education" });
    }

    [Fact]
    public async Task SearchResults_RecordEveryChildShown()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var children = await TestChildren.LinkedEverywhereAsync(environment, 2);
        var query = "query($a: ID!, $b: ID!) { first: child(id: $a) { key: id surname } second: child(id: $b) { surname } }";
        await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query, variables = new { a = children[0], b = children[1] } });

        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal(children.Order(StringComparer.Ordinal), record.ChildIds);
        Assert.All(record.Payload!.Children, c => Assert.Contains(c.Disclosed, f => f.Field == "Child.surname"));
    }

    [Fact]
    public async Task StoreFails_503_NoData()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddSingleton<IAuditStore>(new FailingStore()));
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } });

        Assert.Equal(503, exchange.Status);
        Assert.False(exchange.HasData);
        Assert.Equal(AuditErrorCodes.AuditUnavailable, exchange.FirstErrorCode);
        Assert.DoesNotContain(child, exchange.Body.ToString(), StringComparison.Ordinal);

        var bad = await HttpExchange.PostAsync(environment.Client, gateway.GraphQLUrl, "{ not json");
        Assert.Equal(503, bad.Status);
    }

    private sealed class RefuseResearch : IOperationAuthoriser
    {
        public string? ScopeKey(GatewayRequestContext context) => context.Purpose;

        public ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Purpose == "research"
                ? AuthorisationDecision.Deny(new GraphQLError("Research is aggregate-only.", "FORBIDDEN"))
                : AuthorisationDecision.Allow(mayShowPlan: false));
    }

    /// <summary>A store whose database is gone: every append fails.</summary>
    private sealed class FailingStore : IAuditStore
    {
        public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default) =>
            throw new IOException("disk full");

        public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);

        public Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditCheckpoint>>([]);

        public Task<IReadOnlyList<AuditRecord>> ReadByChildAsync(string childId, DateTimeOffset since, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);

        public Task<IReadOnlyList<AuditRecord>> ReadForReviewAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);

        public Task<AuditRecord?> ReadLastAsync(CancellationToken cancellationToken = default) => Task.FromResult<AuditRecord?>(null);

        public Task<ChainHead?> ReadHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult<ChainHead?>(null);

        public Task<IReadOnlyList<AuditRedaction>> ReadRedactionsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditRedaction>>([]);

        public IAsyncEnumerable<AuditChildIndexEntry> ReadChildIndexAsync(CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<AuditChildIndexEntry>();

        public Task<long> RebuildChildIndexAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);

        public Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, AuditCheckpointSigner signer, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
