using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.Kit;

/// <summary>A subgraph given a context key answers only calls that carry a valid signed context.</summary>
public sealed class SubgraphContextTests : IAsyncLifetime
{
    private const string DataQuery = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }";

    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), SubgraphTestHost.TempSqlite("context"), options: new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static SubgraphContext Context(DateTimeOffset issued, TimeSpan lifetime) =>
        new("u-1", "social_worker", "child_protection", "req-1")
        {
            IssuedAt = issued, ExpiresAt = issued + lifetime, Scope = "OwnCaseload", Rule = "social_worker/child_protection",
            Labels = new HashSet<string> { "linkage" }, Links = new HashSet<string> { "Child.pupil" },
        };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = JsonContent.Create(new { query, variables = new { r = new[] { new { __typename = "Child", id = "CH-NOPE" } } } }),
        };
        if (token is not null)
            request.Headers.TryAddWithoutValidation(SubgraphContextToken.HeaderName, token);
        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    private static void AssertUnauthenticated((HttpStatusCode Status, JsonElement Body) result, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        var error = result.Body.GetProperty("errors")[0];
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoContextHeader_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync(DataQuery, null), "no ChildInfo-Context header");

    [Fact]
    public async Task Post_ContextSignedWithAnotherKey_Is401Unauthenticated()
    {
        var token = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        AssertUnauthenticated(await PostAsync(DataQuery, token), "signature is not valid");
    }

    [Fact]
    public async Task Post_TamperedClaims_Is401Unauthenticated()
    {
        var token = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)), _key).Split('.');
        var other = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)) with { Role = "system_owner" }, _key).Split('.');

        AssertUnauthenticated(await PostAsync(DataQuery, $"{token[0]}.{other[1]}.{token[2]}"), "signature is not valid");
    }

    [Fact]
    public async Task Post_ExpiredContext_Is401Unauthenticated()
    {
        var token = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromSeconds(60)), _key);

        AssertUnauthenticated(await PostAsync(DataQuery, token), "expired");
    }

    [Fact]
    public async Task Post_ContextLivingTooLong_Is401Unauthenticated()
    {
        var token = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow, TimeSpan.FromHours(1)), _key);

        AssertUnauthenticated(await PostAsync(DataQuery, token), "lives longer");
    }

    [Fact]
    public async Task Post_MalformedContext_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync(DataQuery, "not-a-token"), "not a compact JWT");

    [Fact]
    public async Task Post_ValidContext_Is200WithData()
    {
        // Everyone's scope: an unknown child is simply null (a narrower scope answers OUTSIDE_SCOPE, see ChildIndexScopeTests).
        var token = SubgraphContextToken.Create(Context(DateTimeOffset.UtcNow, SubgraphContextToken.DefaultLifetime) with { Scope = "Everyone" }, _key);

        var (status, body) = await PostAsync(DataQuery, token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("_entities")[0].ValueKind);
    }

    [Fact]
    public void Verify_RelationshipHolders_RoundTrip()
    {
        var context = Context(DateTimeOffset.UtcNow, SubgraphContextToken.DefaultLifetime) with { Organisation = "ORG-03", Team = "T04", School = "137017", Setting = "200001" };

        var verified = SubgraphContextToken.Verify(SubgraphContextToken.Create(context, _key), _key, DateTimeOffset.UtcNow).Context!;

        Assert.Equal(("ORG-03", "T04", "137017", "200001"), (verified.Organisation, verified.Team, verified.School, verified.Setting));
        Assert.Equal(["linkage"], verified.Labels);
        Assert.Equal(["Child.pupil"], verified.Links);
        var scope = CallerScope.From(verified);
        Assert.Equal(RecordScopeKind.OwnCaseload, scope.Kind);
        Assert.Equal([("user", "u-1"), ("team", "T04"), ("organisation", "ORG-03")], scope.CaseloadHolders());
        Assert.Equal(137017, scope.SchoolUrn);
    }

    [Fact]
    public void Scope_WithoutVerifiedContext_IsUnrestricted() =>
        Assert.True(CallerScope.From((SubgraphContext?)null) is { IsEveryone: true, Verified: false });

    [Fact]
    public async Task Post_SdlOnlyWithoutContext_IsAnsweredForComposition()
    {
        var (status, body) = await PostAsync("{ _service { sdl } __typename }", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("type Child", body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SdlAlongsideDataWithoutContext_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync("query($r: [_Any!]!) { _service { sdl } _entities(representations: $r) { __typename } }", null), "no ChildInfo-Context header");

    [Fact]
    public async Task Get_HealthWithoutContext_IsOpen()
    {
        using var response = await _host.Client.GetAsync("health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Create_KeyShorterThan256Bits_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => SubgraphHost.CreateAsync(new ChildIndexSubgraph(), new SubgraphHostOptions { ContextKey = new byte[16], Database = SubgraphTestHost.TempSqlite("short-key") }));
}
