using System.Runtime.ExceptionServices;
using ChildInfo.Audit.Records;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Gateway.Analytics;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// Two gateways with identity, the sample policies and an audit log over the sample subgraphs (started with the
/// gateways' context key, so every cohort call is verified by the agency): <see cref="Exact"/> publishes exact
/// counts (every disclosure rule off), for checking counts against the generated data; <see cref="Protected"/>
/// applies the gateway's default disclosure control, as a deployment does. Every subgraph call is recorded. The
/// subgraphs run over the generated SQLite files here; a subclass may start them over other databases
/// (<see cref="PostgresAnalyticsGatewayFixture"/>), and a database that is not available turns into a skip (or,
/// under CI, a failure) in each test that uses a gateway.
/// </summary>
public class AnalyticsGatewayFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    private DemoSubgraphs? _subgraphs;
    private readonly List<string> _folders = [];
    private readonly List<Gateway> _gateways = [];
    private ExceptionDispatchInfo? _unavailable;

    public GatewayEnvironment Environment => environment;

    /// <summary>The fixture's own sample subgraphs (name to URL), which accept its gateways' signed contexts.</summary>
    public IReadOnlyDictionary<string, string> SubgraphUrls => _subgraphs!.Urls;

    public RecordingHandler Recorder { get; } = new();

    public byte[] Key { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public byte[] ContextKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public static byte[] RecordKeySecret { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>No suppression, no rounding: published figures are the exact counts.</summary>
    public static DisclosureRules ExactRules { get; } = new() { SuppressUpTo = 0, LinkedSuppressUpTo = 0, CellRoundingBase = 1, TotalRoundingBase = 1, MinimumStatisticBase = 1 };

    public Gateway Exact => Started(0);

    public Gateway Protected => Started(1);

    /// <summary>Exact counts, with a budget of <see cref="BudgetPerDay"/> questions per analyst and purpose a day.</summary>
    public Gateway Budgeted => Started(2);

    public const int BudgetPerDay = 2;

    /// <summary>A budget whose shared counter cannot be reached: every question is allowed uncounted, as Redis being down looks.</summary>
    public Gateway Unchecked => Started(3);

    /// <summary>Counts worked out from the databases the subgraphs run over.</summary>
    public virtual GroundTruth Truth => new(environment.DataDirectory);

    public async ValueTask InitializeAsync()
    {
        try
        {
            _subgraphs = await StartSubgraphsAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown in each test through the gateways, where a skip or failure belongs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
            return;
        }

        _gateways.Add(await StartAsync(new DisclosureOptions { RecordKeySecret = RecordKeySecret, Default = ExactRules }).ConfigureAwait(false));
        _gateways.Add(await StartAsync(new DisclosureOptions { RecordKeySecret = RecordKeySecret }).ConfigureAwait(false));
        _gateways.Add(await StartAsync(new DisclosureOptions { RecordKeySecret = RecordKeySecret, Default = ExactRules }, new RateLimitOptions(BudgetPerDay, TimeSpan.FromDays(1))).ConfigureAwait(false));
        _gateways.Add(await StartAsync(new DisclosureOptions { RecordKeySecret = RecordKeySecret, Default = ExactRules }, new RateLimitOptions(BudgetPerDay, TimeSpan.FromDays(1)), new UnreachableCounter()).ConfigureAwait(false));
    }

    /// <summary>The sample subgraphs, started with <see cref="ContextKey"/>, over the generated data.</summary>
    protected virtual Task<DemoSubgraphs> StartSubgraphsAsync() =>
        DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, ContextKey, CancellationToken.None);

    private Gateway Started(int index)
    {
        _unavailable?.Throw();
        return _gateways[index];
    }

    /// <summary>What <see cref="RedisUserRateLimiter"/> answers while Redis is unreachable.</summary>
    private sealed class UnreachableCounter : IUserRateLimiter
    {
        public ValueTask<RateLimitDecision> TryAcquireAsync(string user, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RateLimitDecision.AllowUncounted("The rate limit store could not be reached."));
    }

    /// <summary>
    /// Another gateway with exact counts over <paramref name="supergraph"/>: the sample subgraphs (by their names) and
    /// <paramref name="others"/> (name to URL), stopped with the fixture.
    /// </summary>
    public async Task<Gateway> StartOverAsync(string supergraph, IReadOnlyDictionary<string, string> others)
    {
        _unavailable?.Throw();
        var urls = new Dictionary<string, string>(_subgraphs!.Urls, StringComparer.Ordinal);
        foreach (var (name, url) in others)
        {
            urls[name] = url;
        }

        var gateway = await StartAsync(new DisclosureOptions { RecordKeySecret = RecordKeySecret, Default = ExactRules }, supergraph: supergraph, urls: urls).ConfigureAwait(false);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <param name="budget">The question budget; none by default, so that the tests' own questions never run out.</param>
    /// <param name="counter">Where the budget is counted; in this process when null.</param>
    /// <param name="supergraph">The demo's by default.</param>
    /// <param name="urls">The subgraphs' URLs by name: the sample subgraphs' by default.</param>
    private async Task<Gateway> StartAsync(DisclosureOptions disclosure, RateLimitOptions? budget = null, IUserRateLimiter? counter = null,
        string? supergraph = null, IReadOnlyDictionary<string, string>? urls = null)
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-analytics-tests-").FullName;
        _folders.Add(folder);
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = supergraph ?? DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = urls ?? _subgraphs!.Urls,
            SubgraphHandler = Recorder,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(Key), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory, ContextSigningKey = ContextKey },
            Audit = GatewayAuditOptions.ForDataDirectory(folder) with { CheckpointInterval = 10 },
            Analytics = new AnalyticsOptions { Disclosure = disclosure, QuestionBudget = budget },
            QuestionBudget = counter,
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new Gateway(this, app, new Uri(address + "/"));
    }

    public string Token(string role) =>
        DevelopmentIdentity.CreateToken(Key, new DevelopmentTokenRequest(role, "test-" + role) { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.App.StopAsync().ConfigureAwait(false);
            await gateway.App.DisposeAsync().ConfigureAwait(false);
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

        GC.SuppressFinalize(this);
    }

    /// <summary>One of the fixture's gateways.</summary>
    public sealed record Gateway(AnalyticsGatewayFixture Fixture, WebApplication App, Uri BaseUrl)
    {
        public Uri AnalyticsUrl => new(BaseUrl, AnalyticsEndpoint.Path);

        public Uri GraphQLUrl => new(BaseUrl, "/graphql");

        /// <summary>Asks the analytics API as <paramref name="role"/> under <paramref name="purpose"/>.</summary>
        public Task<HttpExchange> AskAsync(string query, object? variables = null, string role = "la_analyst", string? purpose = "service_planning", string? marker = null) =>
            HttpExchange.PostJsonAsync(Fixture.Environment.Client, AnalyticsUrl, new { query, variables }, headers: Headers(role, purpose, marker));

        /// <summary>Asks <c>cohortTable</c> with the question as a variable, selecting what the tests read.</summary>
        public Task<HttpExchange> TableAsync(object question, string role = "la_analyst", string? purpose = "service_planning", string? marker = null) =>
            AskAsync("""
                query Q($q: CohortQuestionInput!) {
                  cohortTable(question: $q) {
                    question agencies suppressedUpTo released suppressed csv
                    dimensions { name categories }
                    rows { categories total children { value symbol text } percentage { text } mean { value symbol } median { value symbol } }
                  }
                }
                """, new { q = question }, role, purpose, marker);

        /// <param name="marker">Sent as the justification, which each subgraph call's signed context carries: the test's calls are found by it.</param>
        public Dictionary<string, string> Headers(string role, string? purpose, string? marker = null)
        {
            var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Fixture.Token(role) };
            if (purpose is not null)
            {
                headers["ChildInfo-Purpose"] = purpose;
            }

            if (marker is not null)
            {
                headers["ChildInfo-Justification"] = marker;
            }

            return headers;
        }

        public async Task<IReadOnlyList<AuditRecord>> AuditAsync()
        {
            var store = App.Services.GetRequiredService<GatewayAudit>().Store;
            var all = new List<AuditRecord>();
            while (await store.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 1000) is { Count: > 0 } page)
            {
                all.AddRange(page);
            }

            return all;
        }
    }
}
