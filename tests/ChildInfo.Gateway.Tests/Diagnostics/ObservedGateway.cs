using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>
/// The demo as deployed (identity, the sample policies, signed subgraph contexts, an audit log), with every log line of
/// every level captured and spans and metrics exported to memory. Tracing is on as an OTLP endpoint would turn it on.
/// </summary>
public sealed class ObservedGateway(GatewayEnvironment environment) : IAsyncLifetime
{
    /// <summary>The one operation name these tests register for metrics; no other gateway in the tests has it.</summary>
    public const string RegisteredOperation = "ObservedChild";

    private readonly string _auditFolder = Directory.CreateTempSubdirectory("childinfo-observed-").FullName;
    private readonly Lock _collecting = new();
    private DemoSubgraphs? _subgraphs;
    private WebApplication? _gateway;

    public GatewayEnvironment Environment => environment;

    public byte[] IdentityKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public byte[] ContextKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public CapturedLogs Logs { get; } = new();

    private LockedCollection<System.Diagnostics.Activity> Spans { get; } = new();

    private LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri GraphQLUrl => new(BaseUrl, "/graphql");

    public async ValueTask InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, ContextKey, CancellationToken.None);
        _gateway = GatewayHost.Create(
            new GatewayHostOptions
            {
                SupergraphSdl = DemoSupergraph.Load(),
                Urls = "http://127.0.0.1:0",
                SubgraphUrls = _subgraphs.Urls,
                Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(IdentityKey), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory, ContextSigningKey = ContextKey },
                Telemetry = new TelemetryOptions { Tracing = true, OperationNames = [RegisteredOperation] },
                // Every log level is captured, which slows a loaded machine: deadlines long enough that every
                // subgraph is called, since these tests count the calls (deadlines have tests of their own).
                SubgraphCalls = new SubgraphCallOptions { AttemptTimeout = TimeSpan.FromSeconds(30), RequestDeadline = TimeSpan.FromSeconds(60) },
            },
            services =>
            {
                services.AddGatewayAudit(GatewayAuditOptions.ForDataDirectory(_auditFolder));
                services.AddSingleton<ILoggerProvider>(Logs);
                // Every level of every category: whatever an operator's configuration could turn on.
                services.Configure<LoggerFilterOptions>(filters => filters.MinLevel = LogLevel.Trace);
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        await _gateway.StartAsync();
        BaseUrl = new Uri(_gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A bearer token for <paramref name="role"/>, valid for the test.</summary>
    public string Token(string role) =>
        DevelopmentIdentity.CreateToken(IdentityKey, new DevelopmentTokenRequest(role, "test-" + role.Replace('_', '-')) { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);

    /// <summary>Posts <paramref name="body"/> as <paramref name="role"/> with <paramref name="headers"/> besides the token.</summary>
    public Task<HttpExchange> PostAsync(string role, object body, IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Authorization"] = "Bearer " + Token(role) };
        return HttpExchange.PostJsonAsync(environment.Client, GraphQLUrl, body, headers: all);
    }

    /// <summary>Collects what the meters hold now: cumulative values since the gateway started.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (_collecting)
        {
            Metrics.Clear();
            _gateway!.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return Metrics.Snapshot();
        }
    }

    /// <summary>Spans exported so far (the exporter adds them as they end).</summary>
    public IReadOnlyList<System.Diagnostics.Activity> EndedSpans()
    {
        _gateway!.Services.GetRequiredService<TracerProvider>().ForceFlush();
        return Spans.Snapshot();
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

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_auditFolder, recursive: true);
    }
}
