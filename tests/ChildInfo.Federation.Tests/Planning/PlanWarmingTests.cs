using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Planning;

/// <summary>
/// Plans warmed ahead of their first request (a swapped-in revision, a restarted host) are the plans that request
/// would have built: same validation, same field policy, same scope; and a warmed operation still checks each
/// request's variables.
/// </summary>
public sealed class PlanWarmingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Operation = "query Library($yes: Boolean = true) { library { id ... on Book { author @include(if: $yes) } } }";

    [Fact]
    public async Task RecentOperations_ListEachOperationOnce_AsTheClientSentIt_WithItsConditionKeys()
    {
        var (old, _) = ConformanceCase.LoadFeature("abstract-types");
        await old.PrepareAsync(new GatewayRequest(Operation, "Library"), "scope-a", Token);
        await old.PrepareAsync(new GatewayRequest(Operation, "Library", Json("""{"yes": false}""")), "scope-a", Token);
        await old.PrepareAsync(new GatewayRequest("{ library { id } }"), "scope-b", Token);

        var recent = old.RecentOperations(10);

        Assert.Equal(2, recent.Count);
        var library = Assert.Single(recent, r => r.OperationName == "Library");
        Assert.Equal(Operation, library.Text);
        Assert.Equal("scope-a", library.ScopeKey);
        Assert.Equal([0UL, 1UL], library.ConditionKeys);
        Assert.Single(old.RecentOperations(1));
    }

    [Fact]
    public async Task Warm_PlansAheadOfTheRequest_UnderTheSamePolicy()
    {
        var (old, _) = ConformanceCase.LoadFeature("abstract-types");
        var oldPolicy = new CountingPolicy("Book.author");
        await old.PrepareAsync(new GatewayRequest(Operation, "Library"), "deny-author", oldPolicy, Token);

        var (next, transport) = ConformanceCase.LoadFeature("abstract-types");
        var policy = new CountingPolicy("Book.author");
        foreach (var operation in old.RecentOperations(10))
        {
            Assert.Null(await next.WarmAsync(operation, operation.ScopeKey, policy, Token));
        }

        var decidedWhileWarming = policy.Decisions;
        Assert.True(decidedWhileWarming > 0);

        var prepared = await next.PrepareAsync(new GatewayRequest(Operation, "Library"), "deny-author", policy, Token);
        var result = await next.ExecuteAsync(prepared.Operation!, Token);

        Assert.Equal(decidedWhileWarming, policy.Decisions); // planned while warming, not again
        Assert.Contains("Book.author: DENIED_FOR_TEST", prepared.Operation!.PlanText, StringComparison.Ordinal);
        Assert.DoesNotContain(transport.Bodies, body => body.Contains("author", StringComparison.Ordinal));
        Assert.Contains("\"DENIED_FOR_TEST\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warm_UnderAnotherScope_DoesNotServeThatScopesRequests()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("abstract-types");
        var permissive = new CountingPolicy();
        Assert.Null(await gateway.WarmAsync(new CachedOperation(Operation, "Library", "allow-all", []), "allow-all", permissive, Token));

        var denying = new CountingPolicy("Book.author");
        var prepared = await gateway.PrepareAsync(new GatewayRequest(Operation, "Library"), "deny-author", denying, Token);
        await gateway.ExecuteAsync(prepared.Operation!, Token);

        Assert.True(denying.Decisions > 0);
        Assert.DoesNotContain(transport.Bodies, body => body.Contains("author", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warm_ThenARequestWithoutItsRequiredVariable_IsStillRefused()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        const string query = "query User($id: ID!) { user(id: $id) { name } }";
        Assert.Null(await gateway.WarmAsync(new CachedOperation(query, "User", null, []), null, null, Token));

        var missing = await gateway.PrepareAsync(new GatewayRequest(query, "User", Json("{}")), null, Token);
        var given = await gateway.PrepareAsync(new GatewayRequest(query, "User", Json("""{"id": "u1"}""")), null, Token);

        Assert.Equal(ErrorCodes.BadUserInput, Assert.Single(missing.Error!.Errors).Code);
        Assert.True(given.Succeeded);
    }

    [Theory]
    [InlineData("{ nope }", ErrorCodes.ValidationFailed)]
    [InlineData("{ library { id ", ErrorCodes.ParseFailed)]
    [InlineData("subscription { library { id } }", ErrorCodes.OperationNotSupported)]
    public async Task Warm_AnOperationARequestWouldBeRefused_IsRefusedAndNotCached(string text, string code)
    {
        var (gateway, _) = ConformanceCase.LoadFeature("abstract-types");

        var refusal = await gateway.WarmAsync(new CachedOperation(text, null, null, []), null, null, Token);

        Assert.Equal(code, refusal?.Code);
        Assert.Equal(0, gateway.CachedOperationCount);
    }

    [Fact]
    public async Task Warm_WithAPolicyButNoScopeKey_IsAnError()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("abstract-types");
        await Assert.ThrowsAsync<ArgumentException>(() => gateway.WarmAsync(new CachedOperation("{ library { id } }", null, null, []), null, new CountingPolicy(), Token));
    }

    [Fact]
    public async Task PlansPerOperation_AreBounded_WhateverCombinationsClientsOrAWarmListBring()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("abstract-types");
        var names = Enumerable.Range(0, 6).Select(i => "v" + i).ToArray();
        var query = $"query Many({string.Join(", ", names.Select(n => $"${n}: Boolean!"))}) {{ library {{ id {string.Join(" ", names.Select(n => $"{n}: id @include(if: ${n})"))} }} }}";

        for (var combination = 0; combination < 64; combination++)
        {
            var values = string.Join(", ", names.Select((n, i) => $"\"{n}\": {((combination >> i & 1) == 1 ? "true" : "false")}"));
            var prepared = await gateway.PrepareAsync(new GatewayRequest(query, "Many", Json("{" + values + "}")), null, Token);
            Assert.True(prepared.Succeeded); // planned for its request even once no more are kept
        }

        var (warmed, _) = ConformanceCase.LoadFeature("abstract-types");
        var everyKey = Enumerable.Range(0, 10_000).Select(k => (ulong)(k % 64)).ToList();
        Assert.Null(await warmed.WarmAsync(new CachedOperation(query, "Many", null, everyKey), null, null, Token));

        Assert.Equal(ChildInfo.Federation.Operations.CompiledOperation.MaxPlans, Assert.Single(gateway.RecentOperations(10)).ConditionKeys.Count);
        Assert.Equal(ChildInfo.Federation.Operations.CompiledOperation.MaxPlans, Assert.Single(warmed.RecentOperations(10)).ConditionKeys.Count);
    }

    private static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Denies the named coordinates and counts its decisions: a plan built anew asks it again.</summary>
    private sealed class CountingPolicy(params string[] denied) : IFieldAccessPolicy
    {
        private int _decisions;

        public int Decisions => Volatile.Read(ref _decisions);

        public FieldAccess Decide(string typeName, string fieldName)
        {
            Interlocked.Increment(ref _decisions);
            var coordinate = typeName + "." + fieldName;
            return denied.Contains(coordinate)
                ? new FieldAccess(coordinate, false, "DENIED_FOR_TEST", "denied by the test policy", "test", null)
                : new FieldAccess(coordinate, true, "ALLOWED", "allowed", "test", null);
        }
    }
}
