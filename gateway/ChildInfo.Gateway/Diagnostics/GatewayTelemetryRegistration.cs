using System.Diagnostics;
using System.Net;
using ChildInfo.Federation.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// OpenTelemetry for the gateway: spans of the host, the engine, ASP.NET Core and subgraph HTTP calls, exported over
/// OTLP when an endpoint is configured; the gateway's and the engine's meters with ASP.NET Core's and HttpClient's,
/// served as Prometheus text at <see cref="MetricsPath"/> to loopback and configured networks, and over OTLP.
/// </summary>
public static partial class GatewayTelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static void Add(IServiceCollection services, IConfiguration configuration, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<GatewayMetrics>();
        var otlp = options.OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.StandardOtlpEndpoint]);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(options.ServiceName));
        if (otlp || options.Tracing)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .AddSource(GatewayTelemetry.SourceName, FederationTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        aspNetCore.Filter = http => !IsOperational(http.Request.Path);
                        aspNetCore.EnrichWithHttpResponse = NoAddressDetails;
                    })
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter(exporter => UseEndpoint(exporter, options, "v1/traces"));
                }
            });
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics
                .AddMeter(GatewayMetrics.MeterName, FederationTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation();
            if (options.MetricsEndpoint)
            {
                // Each scrape collects afresh: a cached answer would show a scraper (or a test) the state of an earlier one.
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            }

            if (otlp)
            {
                metrics.AddOtlpExporter(exporter => UseEndpoint(exporter, options, "v1/metrics"));
            }
        });
    }

    /// <summary>
    /// Serves <see cref="MetricsPath"/> to callers on loopback or in <see cref="TelemetryOptions.MetricsAllowedNetworks"/>;
    /// anyone else is answered 404 as if it did not exist. The metrics carry no personal data by construction (see
    /// <see cref="GatewayMetrics"/>); the restriction keeps request volumes and subgraph health to the operators.
    /// </summary>
    public static void Map(WebApplication app, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.MetricsEndpoint)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayTelemetryRegistration).FullName!);
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (!MayReadMetrics(http.Connection.RemoteIpAddress, options.MetricsAllowedNetworks))
            {
                LogScrapeRefused(logger);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(http).ConfigureAwait(false);
        }), optionsName: null);
    }

    /// <summary>Loopback always; otherwise only an address inside one of <paramref name="allowed"/>.</summary>
    public static bool MayReadMetrics(IPAddress? caller, IReadOnlyList<IPNetwork> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (caller is null)
        {
            return false;
        }

        if (caller.IsIPv4MappedToIPv6)
        {
            caller = caller.MapToIPv4();
        }

        return IPAddress.IsLoopback(caller) || allowed.Any(network => network.Contains(caller));
    }

    /// <summary>Health probes and scrapes come every few seconds and say nothing about requests: no spans for them.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");

    /// <summary>
    /// A span names its route (<c>/children/{id}</c>), never the address as asked: paths and query strings of the
    /// practitioner pages carry child ids and searched-for names.
    /// </summary>
    private static void NoAddressDetails(Activity activity, HttpResponse response)
    {
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route ?? "(unrouted)");
        activity.SetTag("url.query", null);
    }

    /// <summary>The gateway's own setting wins over <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, which the exporter reads by itself.</summary>
    private static void UseEndpoint(OtlpExporterOptions exporter, TelemetryOptions options, string signalPath)
    {
        if (options.OtlpEndpoint is not { } endpoint)
        {
            return;
        }

        if (options.OtlpProtocol == "http/protobuf")
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
    }

    [LoggerMessage(EventIds.MetricsScrapeRefused, LogLevel.Debug, "A request for the metrics came from outside loopback and the allowed networks, and was answered 404.")]
    private static partial void LogScrapeRefused(ILogger logger);
}
