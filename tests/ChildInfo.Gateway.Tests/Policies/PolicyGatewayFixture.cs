using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// A gateway with identity and the sample policy set over the assembly's subgraphs, recording every subgraph request.
/// Started once for the policy tests; plans are cached per policy scope across tests.
/// </summary>
public sealed class PolicyGatewayFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    private WebApplication? _app;

    public GatewayEnvironment Environment => environment;

    public RecordingHandler Recorder { get; } = new();

    public byte[] Key { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public Uri GraphQLUrl { get; private set; } = null!;

    public PolicySetProvider Policies => _app!.Services.GetRequiredService<PolicySetProvider>();

    public ChildInfo.Federation.Supergraph.SupergraphSchema Supergraph => _app!.Services.GetRequiredService<GatewayState>().Current.Supergraph;

    public static string PolicyDirectory => Path.Combine(RepositoryPaths.Root, "policies", "sample");

    public async ValueTask InitializeAsync()
    {
        _app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = environment.SubgraphUrls,
            SubgraphHandler = Recorder,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(Key), PolicyDirectory = PolicyDirectory },
        });
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        GraphQLUrl = new Uri(address + "/graphql");
    }

    public string Token(string role, TimeSpan? lifetime = null, byte[]? key = null) =>
        DevelopmentIdentity.CreateToken(key ?? Key, new DevelopmentTokenRequest(role, "test-" + role) { Lifetime = lifetime ?? TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

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

        Recorder.Dispose();
    }
}
