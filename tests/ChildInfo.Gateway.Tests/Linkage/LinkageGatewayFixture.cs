using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Linkage;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Linkage.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Linkage;

/// <summary>
/// Gateways with identity, the sample policies, an audit log and the linkage job over the sample subgraphs (started
/// with the gateways' context key, so every call for identities is verified by the agency). Each gateway writes its
/// own copy of the generated child index, whose links the generator wrote from the ground truth: the original is the
/// truth the job is measured against. <see cref="Broken"/> has the early years service at an address nobody answers.
/// </summary>
public sealed class LinkageGatewayFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    private DemoSubgraphs? _subgraphs;
    private readonly List<string> _folders = [];
    private readonly List<WebApplication> _apps = [];

    public GatewayEnvironment Environment => environment;

    public RecordingHandler Recorder { get; } = new();

    public byte[] Key { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public byte[] ContextKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>The generated child index: links from the ground truth.</summary>
    public string TruthIndex => Path.Combine(environment.DataDirectory, "child-index.db");

    /// <summary>The fixture's own subgraphs, which verify the gateways' signed contexts.</summary>
    public IReadOnlyDictionary<string, string> SubgraphUrls => _subgraphs!.Urls;

    public Gateway Working { get; private set; } = null!;

    public Gateway Broken { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, ContextKey, CancellationToken.None).ConfigureAwait(false);
        Working = await StartAsync(_subgraphs.Urls).ConfigureAwait(false);
        var broken = new Dictionary<string, string>(_subgraphs.Urls, StringComparer.Ordinal) { ["early-years"] = "http://127.0.0.1:9/graphql" };
        Broken = await StartAsync(broken).ConfigureAwait(false);
    }

    /// <summary>A gateway over a fresh copy of the generated child index.</summary>
    public async Task<Gateway> StartAsync(IReadOnlyDictionary<string, string> subgraphUrls)
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-linkage-tests-").FullName;
        _folders.Add(folder);
        var index = Path.Combine(folder, "child-index.db");
        File.Copy(TruthIndex, index);
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = subgraphUrls,
            SubgraphHandler = Recorder,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(Key), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory, ContextSigningKey = ContextKey },
            Audit = GatewayAuditOptions.ForDataDirectory(folder) with { CheckpointInterval = 10 },
            Linkage = new LinkageJobOptions { ChildIndex = new LinkageStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={index};Pooling=False" }, PageSize = 97 },
        });
        await app.StartAsync().ConfigureAwait(false);
        _apps.Add(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new Gateway(this, app, new Uri(address + "/"), index);
    }

    public string Token(string role) =>
        DevelopmentIdentity.CreateToken(Key, new DevelopmentTokenRequest(role, "test-" + role) { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync().ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One of the fixture's gateways and the child index it writes.</summary>
    public sealed record Gateway(LinkageGatewayFixture Fixture, WebApplication App, Uri BaseUrl, string IndexFile)
    {
        public LinkageStore Store => new(new LinkageStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={IndexFile};Pooling=False" });

        public Dictionary<string, string> Headers(string role = "linkage_officer", string purpose = "record_linkage", string? marker = null)
        {
            var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Fixture.Token(role), ["ChildInfo-Purpose"] = purpose };
            if (marker is not null)
            {
                headers["ChildInfo-Justification"] = marker;
            }

            return headers;
        }

        public Task<HttpExchange> RunAsync(string role = "linkage_officer", string purpose = "record_linkage", string? marker = null) =>
            HttpExchange.PostAsync(Fixture.Environment.Client, new Uri(BaseUrl, LinkageEndpoint.RunPath), "{}", accept: "application/json", headers: Headers(role, purpose, marker));

        public Task<HttpExchange> LinkRecordAsync(object body, string? marker = null) =>
            HttpExchange.PostJsonAsync(Fixture.Environment.Client, new Uri(BaseUrl, LinkageEndpoint.RecordPath), body, accept: "application/json", headers: Headers(marker: marker));

        public async Task<IReadOnlyList<ChildInfo.Audit.Records.AuditRecord>> AuditAsync()
        {
            var store = App.Services.GetRequiredService<GatewayAudit>().Store;
            var all = new List<ChildInfo.Audit.Records.AuditRecord>();
            while (await store.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 1000) is { Count: > 0 } page)
            {
                all.AddRange(page);
            }

            return all;
        }
    }
}
