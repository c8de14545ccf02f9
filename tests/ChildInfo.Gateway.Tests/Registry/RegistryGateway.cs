using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Registry;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A gateway with identity, the sample policies and a registry over the test assembly's five sample subgraphs;
/// the configured subgraphs' SDLs are given, as in the embedded demo. Several may share one store (replicas).
/// </summary>
internal sealed class RegistryGateway : IAsyncDisposable
{
    public const string Justification = "CP-REGISTRY-TEST";

    private readonly WebApplication _app;

    private RegistryGateway(WebApplication app, Uri baseUrl, byte[] key)
    {
        _app = app;
        BaseUrl = baseUrl;
        Key = key;
        Client = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public byte[] Key { get; }

    public HttpClient Client { get; }

    public GatewayState State => _app.Services.GetRequiredService<GatewayState>();

    public IServiceProvider Services => _app.Services;

    public static async Task<RegistryGateway> StartAsync(GatewayEnvironment environment, IReadOnlyList<SubgraphSdl> configured, IRegistryStore store, byte[]? key = null, GatewayAuditOptions? audit = null, string? recentOperationsFile = null)
    {
        key ??= System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var supergraph = SupergraphComposer.Compose(configured);
        Assert.True(supergraph.IsSuccess, string.Join("; ", supergraph.Errors));
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = supergraph.Supergraph!,
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = environment.SubgraphUrls,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(key), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory },
            Registry = new RegistryHostOptions { Store = store, Configured = configured, OwnsStore = false },
            Audit = audit,
            RecentOperationsFile = recentOperationsFile,
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new RegistryGateway(app, new Uri(address + "/"), key);
    }

    public string Token(string role, string user = "test-user") =>
        DevelopmentIdentity.CreateToken(Key, new DevelopmentTokenRequest(role, user) { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    /// <summary>A registry call as a system owner (or <paramref name="role"/>); returns the status and JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> AdminAsync(HttpMethod method, string path, object? body = null, string role = SystemOwnerCaller.Role)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, "owner-" + role));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false));
    }

    public Task<(int Status, JsonElement Body)> AddAsync(string name, string url, string? classifications = ProbeSubgraph.Classifications, bool dryRun = false, bool force = false) =>
        AdminAsync(HttpMethod.Post, "admin/subgraphs", new { name, url, classifications, dryRun, force });

    /// <summary>A GraphQL query as a social worker under child protection; returns status, body and the serving revision.</summary>
    public async Task<(int Status, JsonElement Body, long Revision)> QueryAsync(string query, HttpClient? client = null, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "graphql")) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SocialWorkerToken);
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", Justification);
        using var response = await (client ?? Client).SendAsync(request).ConfigureAwait(false);
        var revision = response.Headers.TryGetValues("ChildInfo-Revision", out var values) ? long.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : -1;
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false), revision);
    }

    private string SocialWorkerToken => _socialWorker ??= Token("social_worker", "sw-registry");

    private string? _socialWorker;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
