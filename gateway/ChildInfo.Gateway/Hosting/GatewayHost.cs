using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Pipeline;
using ChildInfo.Gateway.Registry;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Warming;
using ChildInfo.Policies.Decisions;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Hosting;

/// <summary>Builds the gateway's ASP.NET Core application: GraphQL over HTTP, health, telemetry.</summary>
public static partial class GatewayHost
{
    private const string NoConfigurationReload = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// Loads the supergraph and builds the application without starting it. Throws
    /// <see cref="ChildInfo.Federation.Supergraph.SupergraphException"/> when the SDL is not a federation 2 supergraph.
    /// </summary>
    /// <param name="options">What to serve and where.</param>
    /// <param name="configureServices">Runs after the host's own registrations, so it can replace them (tests, policies).</param>
    public static WebApplication Create(GatewayHostOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Open && options.Security is not null)
        {
            throw new ArgumentException("An open gateway has no identity or policies: Open and Security cannot both be set.", nameof(options));
        }

        // Configuration is read once at start: a reloadable appsettings.json would put a recursive file watcher on the
        // content root, which wakes on every write beneath it (the audit and demo databases among them).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [NoConfigurationReload], ApplicationName = typeof(GatewayHost).Assembly.GetName().Name });
        if (options.Configuration is { } configuration)
        {
            builder.Configuration.AddConfiguration(configuration);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // ASP.NET Core's request lines name the address as asked, query string included (for GET /graphql, the
        // operation's variables), and its request scope, which sinks write beside every line of the request, names
        // the path (for the practitioner pages, a child's id). Both stay off whatever the configuration says (the
        // scope exists only while this category is enabled); the gateway logs its own request line instead
        // (EventIds.RequestCompleted) with the request id, which traces also carry.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Below Information the framework names request paths too (routing's matcher, for one); a default level of
        // Debug or Trace in the configuration leaves the framework at Information. Only a rule naming one of its
        // categories can turn that on, and the README says not to in production. A cap, never a raise: with the
        // default (Warning) the framework writes no line per request ("Executing endpoint ...", twice per request).
        builder.Services.PostConfigure<LoggerFilterOptions>(filters =>
        {
            var configured = filters.Rules.LastOrDefault(r => r.ProviderName is null && r.CategoryName is null && r.Filter is null)?.LogLevel ?? filters.MinLevel;
            filters.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore", configured > LogLevel.Information ? configured : LogLevel.Information, null));
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = options.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestBufferSize = Math.Max(options.MaxRequestLineBytes * 2L, 1024 * 1024);
            kestrel.RequestHeaderEncodingSelector = CallerDeclaration.HeaderEncoding;
        });

        // Subgraph calls go through per-subgraph resilience pipelines and report to passive health; probes and SDL
        // fetches use the plain client. The calls' request deadline is the engine's.
        var subgraphClient = SubgraphHttpClient.Create(options, builder.Configuration, builder.Services);
        options = options with { Engine = options.Engine with { RequestDeadline = subgraphClient.Options.RequestDeadline } };
        var client = subgraphClient.Plain;
        var signer = options.Security?.ContextSigningKey is { } contextKey ? new SubgraphContextSigner(contextKey) : null;
        ISubgraphTransport transport = new HttpSubgraphTransport(subgraphClient.Calls, (message, request) => ForwardRequestContext(message, request, signer),
            subgraphClient.Options.MaxAnswerBytes);
        if (options.SubgraphUrls.Count > 0)
        {
            transport = new SubgraphUrlOverrides(transport, options.SubgraphUrls);
        }

        var gateway = FederationEngine.Create(options.SupergraphSdl, transport, options.Engine);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IOperationAuthoriser, OpenAuthoriser>();
        PolicyEngine? policies = null;
        if (options.Security is { } security)
        {
            policies = GatewaySecurity.Register(builder.Services, security, gateway).Current;
        }

        var state = new GatewayState(new GatewayRevision(gateway, policies));
        builder.Services.AddSingleton(state);
        if (options.Registry is { } registry)
        {
            AddRegistry(builder.Services, options, registry, state, transport, client);
        }

        if (options.RecentOperationsFile is { } recent && options.WarmOperations > 0)
        {
            // Registered before the web server's own hosted service, so it has planned them before the server listens.
            builder.Services.AddHostedService(sp => new PlanWarmingService(state, new PlanWarmer(options.WarmOperations), recent,
                options.Engine.MaxParserDepth, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<PlanWarmingService>>()));
        }

        if (options.RateLimiter is { } limiter)
        {
            builder.Services.AddSingleton(limiter);
        }

        if (options.Audit is { } audit)
        {
            builder.Services.AddGatewayAudit(audit);
            // The audit names the child of an agency record a request reached by asking the child index, as the engine does.
            builder.Services.AddSingleton(new ChildRecordLinks(client, signer, options.SubgraphUrls));
        }

        if (options.Analytics is { } analytics)
        {
            if (analytics.Validate() is { Count: > 0 } problems)
            {
                throw new ArgumentException("The analytics settings cannot be used: " + string.Join(" ", problems), nameof(options));
            }

            var budget = analytics.QuestionBudget is { } perWindow ? options.QuestionBudget ?? new ChildInfo.RateLimiting.LocalUserRateLimiter(perWindow) : null;
            builder.Services.AddSingleton(new Analytics.AnalyticsServices(analytics, client, signer, options.SubgraphUrls, budget));
        }

        if (options.Linkage is { } linkage)
        {
            if (linkage.Validate() is { Count: > 0 } problems)
            {
                throw new ArgumentException("The linkage settings cannot be used: " + string.Join(" ", problems), nameof(options));
            }

            builder.Services.AddSingleton(new Linkage.LinkageServices(linkage, client, signer, options.SubgraphUrls));
        }

        GatewayHealthChecks.Add(builder.Services, options);
        var telemetry = (options.Telemetry ?? TelemetryOptions.From(builder.Configuration)).Validated();
        GatewayTelemetryRegistration.Add(builder.Services, builder.Configuration, telemetry);
        Web.PractitionerWeb.AddServices(builder, options.Security, options.DataProtectionKeysDirectory);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Created now, not at the first request, so that it counts subgraph calls (it listens to the call monitor).
        app.Services.GetRequiredService<GatewayMetrics>();
        app.Use(NeverLeakExceptionsAsync);
        if (options.Security is not null)
        {
            // Bearer tokens are validated here, once per request, before any endpoint: the GraphQL pipeline, the audit
            // and registry APIs read the outcome (CallerAuthentication), never validate again.
            app.UseAuthentication();
        }

        GatewayTelemetryRegistration.Map(app, telemetry);
        // SubgraphHealth exists only with a registry, so it is looked up, not bound (an unregistered type would be read from the body).
        app.MapGet("/health", (HttpContext http, GatewayState state) =>
        {
            var health = http.RequestServices.GetService<SubgraphHealth>();
            return Results.Json(new
            {
                status = "ok",
                open = options.Open,
                warning = options.Open ? OpenMode.Warning : null,
                revision = state.Current.Number,
                supergraph = state.Current.SupergraphHash,
                subgraphs = state.Current.Supergraph.Subgraphs.Select(s => s.Name).ToArray(),
                notAnswering = health is null ? null : state.Current.Supergraph.Subgraphs.Where(s => health.Of(s.Name) is { Answering: false }).Select(s => s.Name).ToArray(),
            });
        });
        GatewayHealthChecks.Map(app);
        GraphQLHttpEndpoint.Map(app);
        Analytics.AnalyticsEndpoint.Map(app);
        Linkage.LinkageEndpoint.Map(app);
        AuditEndpoints.Map(app);
        PolicyExplainEndpoint.Map(app);
        if (options.Registry is not null)
        {
            RegistryEndpoints.Map(app);
        }

        Web.PractitionerWeb.Map(app);

        return app;
    }

    /// <summary>The registry: revisions built off the request path, changes from system owners, followers, health.</summary>
    private static void AddRegistry(IServiceCollection services, GatewayHostOptions options, RegistryHostOptions registry, GatewayState state, ISubgraphTransport transport, HttpClient client)
    {
        var served = state.Current.Supergraph.Subgraphs
            .Select(s => (s.Name, options.SubgraphUrls.TryGetValue(s.Name, out var url) ? url : s.Url))
            .ToList();
        services.AddSingleton(registry);
        services.AddSingleton(new RevisionBuilder(transport, options.Engine, options.Security?.PolicyDirectory, options.Security?.ScopeAuthority));
        services.AddSingleton(new ConfiguredSubgraphs(registry.Configured, served, client));
        services.AddSingleton(sp => new SubgraphRegistry(state, registry.Store, sp.GetRequiredService<RevisionBuilder>(), sp.GetRequiredService<ConfiguredSubgraphs>(),
            client, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SubgraphRegistry>>(),
            new PlanWarmer(options.WarmOperations, options.RegistryWarmBudget, sp.GetService<TimeProvider>())));
        services.AddSingleton(sp => new SubgraphHealth(state, client, options.SubgraphUrls, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SubgraphHealth>>(), sp.GetService<SubgraphCallMonitor>()));
        services.AddHostedService(sp => new RegistryFollower(sp.GetRequiredService<SubgraphRegistry>(), sp.GetRequiredService<SubgraphHealth>(), registry,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<RegistryFollower>>()));
    }

    /// <summary>
    /// Adds the signed request context (<c>ChildInfo-Context</c>) to a subgraph call when the host has a context
    /// signing key: one token for this subgraph and this call's body. It is the only header the gateway adds, and
    /// the caller's purpose and justification reach the subgraph only inside it: caller text never becomes a header
    /// of its own, so it can neither split the call (CR/LF) nor break it (non-ASCII).
    /// </summary>
    internal static void ForwardRequestContext(HttpRequestMessage message, SubgraphRequest request, SubgraphContextSigner? signer)
    {
        if (request.Context is GatewayRequestContext context && signer?.Sign(context, request.Subgraph.Name, request.Body.Span) is { } token)
        {
            // Add, not TryAddWithoutValidation: the value is checked (a token is base64url and dots).
            message.Headers.Add(SubgraphContextToken.HeaderName, token);
        }
    }

    /// <summary>An unexpected failure becomes a GraphQL error with code INTERNAL_SERVER_ERROR: never a stack trace.</summary>
    private static async Task NeverLeakExceptionsAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex)
        {
            Log.RequestFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Gateway"), ex, http.TraceIdentifier);
            if (http.Response.HasStarted)
            {
                throw;
            }

            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.Body);
            GatewayResult.RequestError(new GraphQLError("The gateway could not complete the request.", ErrorCodes.InternalError)).WriteTo(writer);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.RequestFailed, LogLevel.Error, "Request {RequestId} failed inside the gateway.")]
        public static partial void RequestFailed(ILogger logger, Exception exception, string requestId);
    }
}
