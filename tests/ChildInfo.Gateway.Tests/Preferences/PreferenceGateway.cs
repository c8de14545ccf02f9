using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Preferences;

/// <summary>
/// A gateway with identity, a policy set (the sample one, or a copy with one rule changed) and its own audit log, over
/// a deployment's subgraphs, recording every subgraph request.
/// </summary>
public sealed class PreferenceGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly string _folder;

    private PreferenceGateway(WebApplication app, HttpClient client, string folder, Uri url, byte[] key, RecordingHandler recorder)
    {
        _app = app;
        _client = client;
        _folder = folder;
        GraphQLUrl = url;
        Key = key;
        Recorder = recorder;
    }

    public Uri GraphQLUrl { get; }

    public byte[] Key { get; }

    public RecordingHandler Recorder { get; }

    public IAuditStore AuditStore => _app.Services.GetRequiredService<GatewayAudit>().Store;

    /// <summary>Starts a gateway over the sample policies, or over a copy whose rules.yaml <paramref name="changeRules"/> rewrites.</summary>
    public static async Task<PreferenceGateway> StartAsync(IReadOnlyDictionary<string, string> subgraphUrls, HttpClient client, Func<string, string>? changeRules = null)
    {
        ArgumentNullException.ThrowIfNull(subgraphUrls);
        var folder = Directory.CreateTempSubdirectory("childinfo-preference-tests-").FullName;
        var policies = Path.Combine(folder, "policies");
        Directory.CreateDirectory(policies);
        foreach (var file in Directory.GetFiles(PolicyGatewayFixture.PolicyDirectory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(policies, Path.GetFileName(file)));
        }

        if (changeRules is not null)
        {
            var rules = Path.Combine(policies, "rules.yaml");
            File.WriteAllText(rules, changeRules(File.ReadAllText(rules)));
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var recorder = new RecordingHandler();
        var audit = GatewayAuditOptions.ForDataDirectory(folder);
        var app = GatewayHost.Create(
            new GatewayHostOptions
            {
                SupergraphSdl = DemoSupergraph.Load(),
                Urls = "http://127.0.0.1:0",
                SubgraphUrls = subgraphUrls,
                SubgraphHandler = recorder,
                // Signed contexts carry the justification the recorder finds each request's calls by (these subgraphs check none).
                Security = new GatewaySecurityOptions
                {
                    Identity = DevelopmentIdentity.Options(key),
                    PolicyDirectory = policies,
                    ContextSigningKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
                },
            },
            services => services.AddGatewayAudit(audit));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new PreferenceGateway(app, client, folder, new Uri(address + "/graphql"), key, recorder);
    }

    /// <summary>Posts <paramref name="query"/> as <paramref name="role"/> for <paramref name="purpose"/>; the justification marks its subgraph calls.</summary>
    public Task<HttpExchange> PostAsync(string role, string purpose, string query, object? variables, string justification)
    {
        var token = DevelopmentIdentity.CreateToken(Key, new DevelopmentTokenRequest(role, "test-" + role)
        {
            Lifetime = TimeSpan.FromMinutes(30),
            NotBefore = DateTimeOffset.UtcNow.AddHours(-2),
        }, DateTimeOffset.UtcNow);
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + token,
            ["ChildInfo-Purpose"] = purpose,
            ["ChildInfo-Justification"] = justification,
        };
        return HttpExchange.PostJsonAsync(_client, GraphQLUrl, new { query, variables }, headers: headers);
    }

    /// <summary>The subgraph request bodies sent for the request with <paramref name="justification"/>.</summary>
    public IReadOnlyList<string> SubgraphCalls(string justification) =>
        Recorder.BodiesByMarker.TryGetValue(justification, out var bodies) ? [.. bodies] : [];

    public async Task<AuditRecord> AuditRecordAsync(string justification)
    {
        var records = await AuditStore.ReadAsync(0, 10_000);
        return Assert.Single(records, r => r.Justification == justification);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Recorder.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
