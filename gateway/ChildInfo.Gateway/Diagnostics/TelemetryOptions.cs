using System.Collections.Frozen;
using System.Net;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// Traces, metrics and the <c>/metrics</c> scrape endpoint. Read from the <c>ChildInfo:Telemetry</c> configuration
/// section (environment: <c>ChildInfo__Telemetry__OtlpEndpoint</c> and so on) unless the host is given them; the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the exporter's other <c>OTEL_*</c> variables) work too.
/// </summary>
public sealed record TelemetryOptions
{
    public const string Section = "ChildInfo:Telemetry";

    /// <summary>The standard variable the OTLP exporter reads by itself.</summary>
    public const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Where traces and metrics are sent over OTLP (for example <c>http://collector:4317</c>); null sends nothing
    /// unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Off in the demo.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318; the endpoint is the collector's base address).</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>
    /// Record spans even with no OTLP endpoint (for an exporter the host adds itself, such as tests' in-memory one).
    /// Without an endpoint and without this, the gateway records no spans for OpenTelemetry.
    /// </summary>
    public bool Tracing { get; init; }

    /// <summary>The <c>service.name</c> resource attribute of every span and metric.</summary>
    public string ServiceName { get; init; } = "childinfo-gateway";

    /// <summary>Whether <c>/metrics</c> (Prometheus text) is served at all.</summary>
    public bool MetricsEndpoint { get; init; } = true;

    /// <summary>
    /// Networks besides loopback whose callers may read <c>/metrics</c> (CIDR, such as <c>10.0.0.0/8</c> for the
    /// cluster's scraper). Any other caller gets 404, as if there were no such endpoint.
    /// </summary>
    public IReadOnlyList<IPNetwork> MetricsAllowedNetworks { get; init; } = [];

    /// <summary>
    /// Operation names that metrics may carry as they are, besides the gateway's own pages' (<c>ChildView</c>): the
    /// registered operations of the authority's client applications. Every other operation name is counted as
    /// <c>other</c>, so that callers cannot create a metric series per name, nor put text of their choosing into one.
    /// </summary>
    public IReadOnlyList<string> OperationNames { get; init; } = [];

    /// <summary>Operation names the gateway's own pages send.</summary>
    public static IReadOnlyList<string> BuiltInOperationNames { get; } = ["ChildView"];

    /// <summary>Reads the settings given under <see cref="Section"/>; the defaults for what is not given.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new TelemetryOptions();
        return new TelemetryOptions
        {
            OtlpEndpoint = Text(section, nameof(OtlpEndpoint)) is { } endpoint
                ? Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw Invalid(nameof(OtlpEndpoint), endpoint, "an http:// or https:// address such as http://collector:4317")
                : null,
            OtlpProtocol = Text(section, nameof(OtlpProtocol)) ?? defaults.OtlpProtocol,
            Tracing = Flag(section, nameof(Tracing), defaults.Tracing),
            ServiceName = Text(section, nameof(ServiceName)) ?? defaults.ServiceName,
            MetricsEndpoint = Flag(section, nameof(MetricsEndpoint), defaults.MetricsEndpoint),
            MetricsAllowedNetworks = [.. List(section, nameof(MetricsAllowedNetworks)).Select(n => IPNetwork.TryParse(n, out var network)
                ? network
                : throw Invalid(nameof(MetricsAllowedNetworks), n, "a network in CIDR form such as 10.0.0.0/8"))],
            OperationNames = List(section, nameof(OperationNames)),
        }.Validated();
    }

    /// <summary>Throws <see cref="TelemetryOptionsException"/> naming the first setting out of range.</summary>
    public TelemetryOptions Validated()
    {
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            throw Invalid(nameof(OtlpProtocol), OtlpProtocol, "grpc or http/protobuf");
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new TelemetryOptionsException($"{Section}:{nameof(ServiceName)} must not be empty.");
        }

        foreach (var name in OperationNames)
        {
            if (!OperationNameTag.IsWellFormed(name))
            {
                throw Invalid(nameof(OperationNames), name, "a GraphQL name of at most 64 characters");
            }
        }

        return this;
    }

    /// <summary>Every operation name metrics may carry as it is.</summary>
    internal FrozenSet<string> TaggedOperationNames() => BuiltInOperationNames.Concat(OperationNames).ToFrozenSet(StringComparer.Ordinal);

    private static TelemetryOptionsException Invalid(string key, string value, string expected) =>
        new($"{Section}:{key} is '{value}', which is not {expected}.");

    private static string? Text(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Flag(IConfigurationSection section, string key, bool fallback) => Text(section, key) switch
    {
        null => fallback,
        var value when bool.TryParse(value, out var flag) => flag,
        var value => throw Invalid(key, value, "true or false"),
    };

    /// <summary>A list given either as an array (<c>Key:0</c>, <c>Key:1</c>, as appsettings.json does) or as one comma-separated value.</summary>
    private static string[] List(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var items = list.Value is { } single ? single.Split(',') : list.GetChildren().Select(c => c.Value ?? "").ToArray();
        return [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];
    }
}

/// <summary>A telemetry setting is missing its form or out of range.</summary>
public sealed class TelemetryOptionsException : Exception
{
    public TelemetryOptionsException()
    {
    }

    public TelemetryOptionsException(string message)
        : base(message)
    {
    }

    public TelemetryOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
