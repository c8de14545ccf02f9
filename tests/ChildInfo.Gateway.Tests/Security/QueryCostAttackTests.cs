using System.Text;
using ChildInfo.Audit.Records;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Tests.Audit;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Small queries that cost a great deal: each is answered with a clear 400 before the expensive step, with its audit
/// record written, in a bounded amount of memory; and a query is parsed once however far it gets.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class QueryCostAttackTests(GatewayEnvironment environment)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>1.3 KB whose fragments expand to 2^30 fields (it once took the gateway past 24 GB).</summary>
    public static string FragmentBomb(string root = "query { ...F0 }", string type = "Query", string leaf = "__typename")
    {
        var query = new StringBuilder(root);
        for (var i = 0; i < 30; i++)
        {
            query.Append($" fragment F{i} on {type} {{ ...F{i + 1} ...F{i + 1} }}");
        }

        return query.Append($" fragment F30 on {type} {{ {leaf} }}").ToString();
    }

    [Fact]
    public async Task FragmentBomb_Refused400_Recorded_InBoundedMemory()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = FragmentBomb() });

        // Whole process, the gateway's and other tests' work included: the walk alone once needed gigabytes.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(400, exchange.Status);
        Assert.Equal(ErrorCodes.OperationTooComplex, exchange.FirstErrorCode);
        Assert.False(exchange.HasData);
        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal(AuditOutcome.Error, record.Outcome);
        Assert.StartsWith("query{...F0}fragment F0 on Query", record.OperationText, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 50 * Megabyte);
    }

    [Fact]
    public async Task ThirtyThousandRepeatedFields_Refused400_BeforeValidation()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        using var spans = new RequestSpans();
        var query = "{ child(id: \"CH-NOSUCHCHILD\") { " + string.Concat(Enumerable.Repeat("id ", 30_000)) + "} }";
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var exchange = await PostAsync(gateway.GraphQLUrl, spans, query);

        // Validating these once took 17 s of CPU and 10 GB of allocations.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(400, exchange.Status);
        Assert.Equal(ErrorCodes.OperationTooComplex, exchange.FirstErrorCode);
        Assert.Equal((1, 0), (spans.Count("parse"), spans.Count("validate")));
        Assert.InRange(allocated, 0, 50 * Megabyte);
        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal(AuditOutcome.Error, record.Outcome);
        Assert.Equal(["CH-NOSUCHCHILD"], record.ChildIds);
    }

    public static TheoryData<string, string, string> WideAndDeep => new()
    {
        {
            "aliases × 300",
            "{ " + string.Concat(Enumerable.Range(0, 300).Select(i => $"c{i}: child(id: \"CH-{i}\") {{ id }} ")) + "}",
            ErrorCodes.OperationTooComplex
        },
        {
            "nested fragments on an object, aliased at the leaf",
            FragmentBomb("query { child(id: \"CH-1\") { ...F0 } }", "Child", "a: forename b: surname"),
            ErrorCodes.OperationTooComplex
        },
        {
            "inline fragments with type conditions around the spread",
            FragmentBomb("query { child(id: \"CH-1\") { ... on Child { ... on Child { ...F0 } } } }", "Child", "forename"),
            ErrorCodes.OperationTooComplex
        },
        {
            "@include/@skip on variables inside the fragments",
            FragmentBomb("query ($x: Boolean!) { child(id: \"CH-1\") { ...F0 @include(if: $x) } }", "Child", "forename @skip(if: $x) surname @include(if: $x)"),
            ErrorCodes.OperationTooComplex
        },
        {
            "one field repeated where fragments merge",
            "{ child(id: \"CH-1\") { " + string.Concat(Enumerable.Range(0, 60).Select(i => $"...F{i} ")) + "} } "
                + string.Concat(Enumerable.Range(0, 60).Select(i => $"fragment F{i} on Child {{ forename forename }} ")),
            ErrorCodes.OperationTooComplex
        },
        {
            "inline fragments nested past the parser's depth",
            "{ child(id: \"CH-1\") { " + string.Concat(Enumerable.Repeat("... on Child { ", 300)) + "id" + new string('}', 300) + " } }",
            ErrorCodes.QueryTooDeep
        },
        {
            "fields nested through fragments past the depth limit",
            "{ searchChildren(surname: \"x\") { child { ...A } } } fragment A on Child { pupil { ...B } } fragment B on Pupil { "
                + string.Concat(Enumerable.Repeat("exclusions { ", 40)) + "category" + new string('}', 40) + " }",
            ErrorCodes.QueryTooDeep
        },
    };

    [Theory]
    [MemberData(nameof(WideAndDeep))]
    public async Task WideAndDeepVariants_Refused400_WithAClearError(string what, string query, string code)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query, variables = new { x = true } });

        Assert.True(exchange.Status == 400, $"{what}: {exchange.Status} {exchange.Body}");
        Assert.Equal(code, exchange.FirstErrorCode);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 50 * Megabyte);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConditionsInsideFragments_WithinLimits_AnsweredAndAuditedAsAsked(bool withForename)
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        const string query = """
            query ($id: ID!, $forename: Boolean!) { child(id: $id) { key: id ...Names } }
            fragment Names on Child { forename @include(if: $forename) ... on Child { surname @skip(if: $forename) } }
            """;

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query, variables = new { id = child, forename = withForename } });

        Assert.Equal(200, exchange.Status);
        var answered = exchange.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(child, answered.GetProperty("key").GetString());
        Assert.Equal(withForename, answered.TryGetProperty("forename", out _));
        Assert.Equal(!withForename, answered.TryGetProperty("surname", out _));
        var record = Assert.Single(await gateway.RecordsAsync());
        var disclosed = Assert.Single(record.Payload!.Children).Disclosed.Select(f => f.Field).ToHashSet();
        Assert.Equal(withForename, disclosed.Contains("Child.forename"));
        Assert.Equal(!withForename, disclosed.Contains("Child.surname"));
    }

    [Fact]
    public async Task EachRequest_ParsesItsQueryOnce_AndACachedOneNotAtAll()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        using var spans = new RequestSpans();
        var url = gateway.GraphQLUrl;
        var parses = new List<(string What, int Status, int Parses)>();
        async Task Send(string what, Func<Task<HttpExchange>> send)
        {
            var before = spans.Count("parse");
            var exchange = await send();
            parses.Add((what, exchange.Status, spans.Count("parse") - before));
        }

        const string query = "query ParsedOnce { child(id: \"CH-NOSUCHCHILD\") { id forename } }";
        await Send("POST", () => PostAsync(url, spans, query));
        await Send("POST again", () => PostAsync(url, spans, query));
        await Send("GET", () => GetAsync(url, spans, "query ParsedOnceOverGet { child(id: \"CH-NOSUCHCHILD\") { id } }"));
        await Send("mutation over GET", () => GetAsync(url, spans, "mutation ParsedOnceMutation { x }"));
        await Send("invalid", () => PostAsync(url, spans, "query ParsedOnceInvalid { child(id: \"x\") { noSuchField } }"));
        await Send("unparsable", () => PostAsync(url, spans, "query ParsedOnceBroken { child(id: "));
        await Send("introspection", () => PostAsync(url, spans, "query ParsedOnceIntrospection { __schema { queryType { name } } }"));

        Assert.Equal(
            [("POST", 200, 1), ("POST again", 200, 0), ("GET", 200, 1), ("mutation over GET", 405, 1), ("invalid", 400, 1), ("unparsable", 400, 1), ("introspection", 200, 1)],
            parses);
    }

    [Fact]
    public async Task RequestRefusedBeforeTheEngine_ParsedOnceForItsRecord()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment, services => services.AddSingleton<IOperationAuthoriser>(new RefuseEveryone()));
        using var spans = new RequestSpans();

        var exchange = await PostAsync(gateway.GraphQLUrl, spans, "query Refused { first: child(id: \"CH-ONE\") { id } ...More } fragment More on Query { second: child(id: \"CH-TWO\") { id } }");

        Assert.Equal(401, exchange.Status);
        Assert.Equal(1, spans.Count("parse"));
        var record = Assert.Single(await gateway.RecordsAsync());
        Assert.Equal(AuditOutcome.Denied, record.Outcome);
        Assert.Equal(["CH-ONE", "CH-TWO"], record.ChildIds);
    }

    private Task<HttpExchange> PostAsync(Uri url, RequestSpans spans, string query) =>
        HttpExchange.PostJsonAsync(environment.Client, url, new { query }, headers: new Dictionary<string, string> { ["traceparent"] = spans.Traceparent });

    private async Task<HttpExchange> GetAsync(Uri url, RequestSpans spans, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "?query=" + Uri.EscapeDataString(query)));
        request.Headers.TryAddWithoutValidation("traceparent", spans.Traceparent);
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        using var response = await environment.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return new HttpExchange((int)response.StatusCode, null, null, default, []);
    }

    /// <summary>Refuses every caller when binding, before the engine sees the request.</summary>
    private sealed class RefuseEveryone : IOperationAuthoriser
    {
        public string? ScopeKey(GatewayRequestContext context) => null;

        public ValueTask<RequestBinding> BindAsync(CallerAuthentication authentication, CallerDeclaration declaration, GatewayRequestContext context, GatewayRevision revision, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RequestBinding.Refuse(context, StatusCodes.Status401Unauthorized, new GraphQLError("No one today.", "UNAUTHENTICATED")));

        public ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Binding refuses everyone.");
    }
}
