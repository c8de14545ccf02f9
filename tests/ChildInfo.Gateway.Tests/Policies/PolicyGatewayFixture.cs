using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Policies;
using ChildInfo.Subgraphs.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// A gateway with identity and the sample policy set over the sample subgraphs, recording every subgraph request.
/// The subgraphs run over the assembly's sample data with the gateway's context key, so each call carries a signed
/// context and record scope is enforced as in the demo. Started once for the policy tests; plans are cached per
/// policy scope across tests.
/// </summary>
public sealed class PolicyGatewayFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    private WebApplication? _app;
    private DemoSubgraphs? _subgraphs;

    public GatewayEnvironment Environment => environment;

    public RecordingHandler Recorder { get; } = new();

    public byte[] Key { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>The key the gateway signs subgraph contexts with and the subgraphs verify.</summary>
    public byte[] ContextKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public Uri GraphQLUrl { get; private set; } = null!;

    public PolicySetProvider Policies => _app!.Services.GetRequiredService<PolicySetProvider>();

    /// <summary>Each sample subgraph's GraphQL endpoint, for calls that go round the gateway.</summary>
    public IReadOnlyDictionary<string, string> SubgraphUrls => _subgraphs!.Urls;

    /// <summary>The sample subgraph a recorded call went to, by the name the gateway knows it by.</summary>
    public string SubgraphOf(RecordedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return SubgraphUrls.Single(s => new Uri(s.Value) == call.Url).Key;
    }

    /// <summary>Checks a recorded call's context as the subgraph it went to does.</summary>
    public Task<SubgraphContextVerification> VerifyAsync(RecordedCall call, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new SubgraphContextVerifier(ContextKey, SubgraphOf(call), time).VerifyAsync(call.Context, call.Body);
    }

    public GatewayRevision Revision => _app!.Services.GetRequiredService<GatewayState>().Current;

    public ChildInfo.Federation.Supergraph.SupergraphSchema Supergraph => _app!.Services.GetRequiredService<GatewayState>().Current.Supergraph;

    public static string PolicyDirectory => Path.Combine(RepositoryPaths.Root, "policies", "sample");

    public async ValueTask InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, ContextKey, CancellationToken.None).ConfigureAwait(false);
        _app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = _subgraphs.Urls,
            SubgraphHandler = Recorder,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(Key), PolicyDirectory = PolicyDirectory, ContextSigningKey = ContextKey },
        });
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        GraphQLUrl = new Uri(address + "/graphql");
    }

    public string Token(string role, TimeSpan? lifetime = null, byte[]? key = null) =>
        Token(new DevelopmentTokenRequest(role, "test-" + role), lifetime, key);

    /// <summary>A token for <paramref name="request"/> (user and relationships as given).</summary>
    public string Token(DevelopmentTokenRequest request, TimeSpan? lifetime = null, byte[]? key = null) =>
        DevelopmentIdentity.CreateToken(key ?? Key, request with { Lifetime = lifetime ?? TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    /// <summary>
    /// A token for <paramref name="role"/> holding every current relationship the sample data registers for
    /// <paramref name="childId"/> (a caseload worker, team and organisation, school and setting), so the child is in
    /// the role's record scope whatever its kind, as far as the data allows.
    /// </summary>
    public string TokenFor(string role, string childId)
    {
        var holders = ChildRelationships.Of(environment, childId);
        return Token(new DevelopmentTokenRequest(role, holders.GetValueOrDefault("user") ?? "test-" + role)
        {
            Team = holders.GetValueOrDefault("team"),
            Organisation = holders.GetValueOrDefault("organisation"),
            School = holders.GetValueOrDefault("school"),
            Setting = holders.GetValueOrDefault("setting"),
        });
    }

    public Task<HttpExchange> PostAsync(string query, object? variables, string? token, string? purpose, string? justification, IDictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null)
        {
            headers["Authorization"] = "Bearer " + token;
        }

        if (purpose is not null)
        {
            headers["ChildInfo-Purpose"] = purpose;
        }

        if (justification is not null)
        {
            headers["ChildInfo-Justification"] = justification;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return HttpExchange.PostJsonAsync(environment.Client, GraphQLUrl, new { query, variables }, headers: headers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync().ConfigureAwait(false);
        }

        Recorder.Dispose();
    }
}
