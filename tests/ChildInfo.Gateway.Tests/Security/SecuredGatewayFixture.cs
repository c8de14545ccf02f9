using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// The demo as deployed, for attack regressions: identity, the sample policies and an audit log at the gateway; the
/// sample subgraphs checking each call's signed context; every subgraph request recorded as sent. Beside them runs a
/// second child-index (same data, same key, same name) whose clock the tests move, to replay captured contexts late.
/// </summary>
public sealed class SecuredGatewayFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    private readonly string _auditFolder = Directory.CreateTempSubdirectory("childinfo-security-tests-").FullName;
    private DemoSubgraphs? _subgraphs;
    private WebApplication? _replica;
    private WebApplication? _gateway;

    public GatewayEnvironment Environment => environment;

    public RecordingHandler Recorder { get; } = new();

    public byte[] IdentityKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public byte[] ContextKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>The replica child-index's clock.</summary>
    public ManualTimeProvider ReplicaClock { get; } = new(DateTimeOffset.UtcNow);

    public Uri GraphQLUrl { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> SubgraphUrls => _subgraphs!.Urls;

    /// <summary>The GraphQL endpoint of the child-index replica whose clock the tests move.</summary>
    public Uri ReplicaUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, ContextKey, CancellationToken.None);
        _replica = await SubgraphHost.CreateAsync(new ChildIndexSubgraph(), new SubgraphHostOptions
        {
            Url = "http://127.0.0.1:0",
            Database = DatabaseOptions.SqliteFile(Path.Combine(environment.DataDirectory, "child-index.db")),
            ContextKey = ContextKey,
            Time = ReplicaClock,
        });
        await _replica.StartAsync();
        ReplicaUrl = new Uri(Address(_replica) + "/graphql");
        _gateway = GatewayHost.Create(
            new GatewayHostOptions
            {
                SupergraphSdl = DemoSupergraph.Load(),
                Urls = "http://127.0.0.1:0",
                SubgraphUrls = _subgraphs.Urls,
                SubgraphHandler = Recorder,
                Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(IdentityKey), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory, ContextSigningKey = ContextKey },
            },
            services => services.AddGatewayAudit(GatewayAuditOptions.ForDataDirectory(_auditFolder)));
        await _gateway.StartAsync();
        GraphQLUrl = new Uri(Address(_gateway) + "/graphql");
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>A bearer token for a team manager, whose child protection rule sees every child and follows every link.</summary>
    public string TeamManagerToken() =>
        DevelopmentIdentity.CreateToken(IdentityKey, new DevelopmentTokenRequest("team_manager", "test-team-manager") { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    /// <summary>Posts a request as a team manager for child protection; purpose and justification go where the test puts them.</summary>
    public Task<HttpExchange> PostAsync(object body, IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Authorization"] = "Bearer " + TeamManagerToken() };
        return HttpExchange.PostJsonAsync(environment.Client, GraphQLUrl, body, headers: all);
    }

    /// <summary>A query for one child, purpose and justification declared in the body's extensions.</summary>
    public Task<HttpExchange> ChildAsync(string query, string child, string justification) =>
        PostAsync(new { query, variables = new { id = child }, extensions = new { purpose = "child_protection", justification } });

    /// <summary>The first few children the child index links to <paramref name="sourceSystem"/>.</summary>
    public async Task<IReadOnlyList<string>> LinkedChildrenAsync(string sourceSystem, int count)
    {
        await using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT child_id FROM ci_record_link WHERE source_system = $s ORDER BY child_id LIMIT $n";
        command.Parameters.AddWithValue("$s", sourceSystem);
        command.Parameters.AddWithValue("$n", count);
        var children = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            children.Add(reader.GetString(0));
        }

        return children;
    }

    /// <summary>The sample subgraph a recorded call went to, by the name the gateway knows it by.</summary>
    public string SubgraphOf(RecordedCall call) => SubgraphUrls.Single(s => new Uri(s.Value) == call.Url).Key;

    /// <summary>Posts <paramref name="body"/> straight to a subgraph endpoint with <paramref name="token"/> as its context.</summary>
    public Task<HttpExchange> ReplayAsync(Uri subgraph, byte[] body, string token) =>
        HttpExchange.PostAsync(environment.Client, subgraph, System.Text.Encoding.UTF8.GetString(body), accept: "application/json",
            headers: new Dictionary<string, string> { [SubgraphContextToken.HeaderName] = token });

    /// <summary>Every record of the gateway's audit log.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync()
    {
        var store = _gateway!.Services.GetRequiredService<GatewayAudit>().Store;
        var all = new List<AuditRecord>();
        while (true)
        {
            var page = await store.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 1000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _gateway, _replica })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        Recorder.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_auditFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
