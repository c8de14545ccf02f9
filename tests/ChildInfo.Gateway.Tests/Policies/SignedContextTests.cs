using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Subgraphs.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// Defence in depth: the demo's subgraphs started with the gateway's context key refuse a direct call without a
/// signed context, while the same query through the gateway (which signs each subgraph call) is answered.
/// </summary>
public sealed class SignedContextTests(GatewayEnvironment environment) : IAsyncLifetime
{
    private const string Query = "query($id: ID!) { child(id: $id) { id forename } }";

    private readonly byte[] _contextKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private DemoSubgraphs? _subgraphs;
    private WebApplication? _gateway;
    private Uri _gatewayUrl = null!;

    public async ValueTask InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, _contextKey, CancellationToken.None);
        _gateway = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = _subgraphs.Urls,
            Security = new GatewaySecurityOptions
            {
                Identity = DevelopmentIdentity.Options(_identityKey),
                PolicyDirectory = PolicyGatewayFixture.PolicyDirectory,
                ContextSigningKey = _contextKey,
            },
        });
        await _gateway.StartAsync();
        _gatewayUrl = new Uri(_gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql");
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }
    }

    private async Task<string> AnyChildAsync()
    {
        await using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_child ORDER BY child_id LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private Task<HttpExchange> ThroughGatewayAsync(string child)
    {
        var token = DevelopmentIdentity.CreateToken(_identityKey, new DevelopmentTokenRequest("team_manager", "test-team-manager") { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);
        return HttpExchange.PostJsonAsync(environment.Client, _gatewayUrl, new { query = Query, variables = new { id = child } }, headers: new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + token,
            ["ChildInfo-Purpose"] = "child_protection",
            ["ChildInfo-Justification"] = "case 1",
        });
    }

    [Fact]
    public async Task DirectSubgraphCall_WithoutContext_Is401_WhileTheGatewayAnswersTheSameQuery()
    {
        var child = await AnyChildAsync();

        var direct = await HttpExchange.PostJsonAsync(environment.Client, new Uri(_subgraphs!.Urls["child-index"]), new { query = Query, variables = new { id = child } });
        var viaGateway = await ThroughGatewayAsync(child);

        Assert.Equal(401, direct.Status);
        Assert.Equal("UNAUTHENTICATED", direct.FirstErrorCode);
        Assert.False(direct.HasData);
        Assert.Equal(200, viaGateway.Status);
        Assert.Equal(child, viaGateway.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.False(viaGateway.Body.TryGetProperty("errors", out _), viaGateway.Body.GetRawText());
    }

    [Fact]
    public async Task DirectSubgraphCall_WithForgedContext_Is401()
    {
        var child = await AnyChildAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = new { id = child } });
        var forged = SubgraphContextToken.Create(
            new("someone", "team_manager", "child_protection", "forged")
            {
                Audience = "child-index", BodyHash = SubgraphContextToken.BodyHash(body), IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(30),
            },
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var direct = await HttpExchange.PostAsync(environment.Client, new Uri(_subgraphs!.Urls["child-index"]), System.Text.Encoding.UTF8.GetString(body),
            headers: new Dictionary<string, string> { ["ChildInfo-Context"] = forged });

        Assert.Equal(401, direct.Status);
        Assert.Equal("UNAUTHENTICATED", direct.FirstErrorCode);
    }
}

/// <summary>
/// The signer makes one token per subgraph call: for that subgraph and that body, carrying the request's caller,
/// scope and declaration, with the clock's time.
/// </summary>
public sealed class SubgraphContextSignerTests
{
    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Body = """{"query":"{ child(id: \"CH-1\") { id } }"}"""u8.ToArray();

    private static GatewayRequestContext Bound(string requestId) => new(requestId, "child_protection", "Ymholiad adran 47 — ŵyr Zoë, £0")
    {
        Caller = new CallerIdentity("u-1", null, ["social_worker"], null, null, null),
        Role = "social_worker",
    };

    [Fact]
    public async Task Sign_EachCall_ForItsSubgraphAndBody_CarryingTheRequest()
    {
        var clock = new ChildInfo.Testing.ManualTimeProvider(DateTimeOffset.UtcNow);
        var signer = new SubgraphContextSigner(Key, clock);

        var token = signer.Sign(Bound("r-1"), "education", Body)!;
        var verified = await new SubgraphContextVerifier(Key, "education", clock).VerifyAsync(token, Body);

        Assert.Equal(("r-1", "u-1", "child_protection", "Ymholiad adran 47 — ŵyr Zoë, £0"), (verified.Context!.RequestId, verified.Context.User, verified.Context.Purpose, verified.Context.Justification));
        Assert.Equal(clock.GetUtcNow() + SubgraphContextToken.DefaultLifetime, verified.Context.ExpiresAt, TimeSpan.FromSeconds(1));
        Assert.False((await new SubgraphContextVerifier(Key, "child-index", clock).VerifyAsync(token, Body)).IsValid);
        Assert.NotEqual(token, signer.Sign(Bound("r-1"), "child-index", Body));
        Assert.NotEqual(token, signer.Sign(Bound("r-1"), "education", [.. Body, (byte)' ']));
    }

    [Fact]
    public void Sign_UnboundRequest_SignsNothing() =>
        Assert.Null(new SubgraphContextSigner(Key).Sign(new GatewayRequestContext("r-1", "child_protection", null), "education", Body));
}
