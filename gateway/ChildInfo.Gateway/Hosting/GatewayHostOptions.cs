using ChildInfo.Federation;
using ChildInfo.Gateway.Audit;

namespace ChildInfo.Gateway.Hosting;

/// <summary>How to host the gateway.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>The Apollo Federation 2 supergraph SDL to serve.</summary>
    public required string SupergraphSdl { get; init; }

    /// <summary>Listen addresses, separated by semicolons; <c>http://127.0.0.1:0</c> takes a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:4000";

    /// <summary>Subgraph URLs by subgraph name that replace the supergraph's <c>join__Graph</c> URLs.</summary>
    public IReadOnlyDictionary<string, string> SubgraphUrls { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Identity and purpose-based policies (<c>childinfo serve</c> always sets them). Null serves every caller
    /// unauthenticated: only for tests of the engine and the HTTP layer, and for <see cref="Open"/>.
    /// </summary>
    public Authorisation.GatewaySecurityOptions? Security { get; init; }

    /// <summary>
    /// Serves with no <see cref="Security"/> on purpose (<c>childinfo serve --open</c>, Development only):
    /// <c>/health</c> carries <see cref="OpenMode.Warning"/>. Cannot go with <see cref="Security"/>.
    /// </summary>
    public bool Open { get; init; }

    /// <summary>
    /// Where every request is recorded before it is answered (<c>childinfo serve</c> always sets it). Null runs without
    /// an audit log: only for tests and the audit-off side of the audit benchmark.
    /// </summary>
    public GatewayAuditOptions? Audit { get; init; }

    /// <summary>
    /// The subgraph registry system owners change at runtime (admin API under <c>/admin/subgraphs</c>); null serves
    /// the supergraph as given, with no registry.
    /// </summary>
    public Registry.RegistryHostOptions? Registry { get; init; }

    /// <summary>Requests allowed per user and window (shared through Redis when configured); null sets no limit.</summary>
    public ChildInfo.RateLimiting.IUserRateLimiter? RateLimiter { get; init; }

    /// <summary>
    /// Analysts' aggregate questions at <c>/analytics/graphql</c>, with their disclosure control; null answers them with
    /// 503 (not configured). Needs <see cref="Security"/>: only aggregate-only purposes may ask.
    /// </summary>
    public Analytics.AnalyticsOptions? Analytics { get; init; }

    /// <summary>
    /// Counts <see cref="Analytics.AnalyticsOptions.QuestionBudget"/> for every replica (Redis); null counts it in this
    /// process.
    /// </summary>
    public ChildInfo.RateLimiting.IUserRateLimiter? QuestionBudget { get; init; }

    /// <summary>The linkage job at <c>/linkage</c> (the child index it writes); null leaves it off.</summary>
    public Linkage.LinkageJobOptions? Linkage { get; init; }

    /// <summary>The HTTP handler for subgraph calls (tests record what the gateway asks each subgraph); null uses a pooled one.</summary>
    public HttpMessageHandler? SubgraphHandler { get; init; }

    /// <summary>
    /// Deadline, timeouts, circuit breakers and retries of subgraph calls; null reads them from configuration
    /// (<see cref="SubgraphCallOptions.Section"/>). Their request deadline replaces <see cref="Engine"/>'s.
    /// </summary>
    public SubgraphCallOptions? SubgraphCalls { get; init; }

    /// <summary>Traces, metrics and <c>/metrics</c>; null reads them from configuration (<see cref="Diagnostics.TelemetryOptions.Section"/>).</summary>
    public Diagnostics.TelemetryOptions? Telemetry { get; init; }

    /// <summary>
    /// Where the keys that protect the practitioner pages' sign-in and anti-forgery cookies are kept, so sessions
    /// survive a restart and replicas sharing the folder accept each other's cookies. The setting
    /// <c>ChildInfo:DataProtection:KeysDirectory</c> wins over this; with neither, ASP.NET Core's default (the user's
    /// home folder). <c>childinfo serve</c> sets <c>DIR/keys</c> of its <c>--data</c> folder.
    /// </summary>
    public string? DataProtectionKeysDirectory { get; init; }

    /// <summary>
    /// Settings the host reads from configuration (<c>ChildInfo:SubgraphCalls</c>, <c>ChildInfo:Telemetry</c>,
    /// <c>ChildInfo:DataProtection</c>, <c>Web</c>, <c>Logging</c>), on top of its own appsettings.json and environment
    /// variables: <c>childinfo serve</c> passes what it read, command-line settings included. Null: the host's own only.
    /// </summary>
    public IConfiguration? Configuration { get; init; }

    /// <summary>
    /// Where the host keeps the operations it has been planning (<see cref="Warming.RecentOperationsFile"/>: shapes,
    /// no values), to plan them before it serves after a restart; null keeps none. <c>childinfo serve</c> sets
    /// <c>DIR/recent-operations.json</c> of its <c>--data</c> folder.
    /// </summary>
    public string? RecentOperationsFile { get; init; }

    /// <summary>
    /// How many recent operations (per scope) are planned ahead: from <see cref="RecentOperationsFile"/> at start, and
    /// from the served revision in a new one before a registry change swaps it in. 0 plans none ahead.
    /// </summary>
    public int WarmOperations { get; init; } = Warming.PlanWarmer.DefaultMaxOperations;

    /// <summary>
    /// The most time a registry change spends planning recent operations before it is served; what is left is planned
    /// by its first requests. Start-up warming, before the host serves, has no such limit.
    /// </summary>
    public TimeSpan RegistryWarmBudget { get; init; } = Warming.PlanWarmer.DefaultRegistryBudget;

    /// <summary>Settings of the federation engine.</summary>
    public FederationEngineOptions Engine { get; init; } = new();

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Longest URL accepted (GET requests carry the query in it), in bytes.</summary>
    public int MaxRequestLineBytes { get; init; } = 64 * 1024;
}
