using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// The gateway's one <see cref="Meter"/> (<see cref="MeterName"/>) and its instruments, and one host's view of them.
/// Every tag value comes from a small closed set: registered operation names or <c>other</c>
/// (<see cref="OperationNameTag"/>), subgraph names from the supergraph, outcomes, error and withholding codes. No
/// instrument is ever tagged with a child id, a user, a justification or any other text a caller sent.
/// </summary>
/// <remarks>
/// The meter is the process's, like the engine's (<see cref="ChildInfo.Federation.Diagnostics.FederationTelemetry"/>),
/// not one per host: OpenTelemetry merges same-named instruments of several meters into one stream and drops that
/// stream when any of those meters is disposed, so a second host in the process (tests run many) stopping would
/// silently end the first one's counts. The gauges read every live host.
/// </remarks>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "ChildInfo.Gateway";

    public const string OperationTag = "graphql.operation.name";
    public const string OutcomeTag = "childinfo.outcome";
    public const string SubgraphTag = "childinfo.subgraph";
    public const string CodeTag = "childinfo.code";

    // Seconds, from a fast plan-cache hit to the longest deadline a request may be given.
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private static readonly ConcurrentDictionary<GatewayMetrics, byte> Live = new();

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "childinfo.gateway.requests", "{request}", "GraphQL requests answered, by operation and outcome.");

    private static readonly Counter<long> RequestErrors = Meter.CreateCounter<long>(
        "childinfo.gateway.request.errors", "{request}", "GraphQL requests not answered in full (partial, refused or failed), by operation and outcome.");

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "childinfo.gateway.request.duration", "s", "Time from reading a GraphQL request to its answer, audit included.", advice: DurationBuckets);

    private static readonly Counter<long> SubgraphRequests = Meter.CreateCounter<long>(
        "childinfo.gateway.subgraph.requests", "{request}", "Calls to subgraphs, by subgraph and outcome.");

    private static readonly Counter<long> SubgraphErrors = Meter.CreateCounter<long>(
        "childinfo.gateway.subgraph.errors", "{request}", "Calls to subgraphs that failed, timed out or were not made (circuit open), by subgraph and outcome.");

    private static readonly Histogram<double> SubgraphDuration = Meter.CreateHistogram(
        "childinfo.gateway.subgraph.duration", "s", "Time of one call to a subgraph, by subgraph.", advice: DurationBuckets);

    private static readonly Counter<long> WithheldFields = Meter.CreateCounter<long>(
        "childinfo.gateway.withheld_fields", "{field}", "Fields withheld from answers, by the code of the reason.");

    private static readonly Histogram<double> AuditAppend = Meter.CreateHistogram(
        "childinfo.gateway.audit.append.duration", "s", "Time to make one request's audit record durable (group commit included).", advice: DurationBuckets);

    private static readonly ObservableGauge<long> AuditQueueDepth = Meter.CreateObservableGauge(
        "childinfo.gateway.audit.queue_depth", () => Live.Keys.Sum(m => m.PendingAuditRecords()), "{record}", "Audit records waiting to be written.");

    private static readonly ObservableGauge<int> CircuitState = Meter.CreateObservableGauge(
        "childinfo.gateway.subgraph.circuit_state", () => Live.Keys.SelectMany(m => m.CircuitStates()), "{state}",
        "Each subgraph's circuit breaker: 0 closed, 1 half-open (trying one call), 2 open (calls fail fast).");

    private readonly OperationNameTag _operations;
    private readonly SubgraphCallMonitor _calls;
    private readonly IServiceProvider _services;

    public GatewayMetrics(TelemetryOptions options, SubgraphCallMonitor calls, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(services);
        _operations = new OperationNameTag(options.TaggedOperationNames());
        _calls = calls;
        _services = services;
        calls.SubscribeCalls(SubgraphCallEnded);
        Live[this] = 0;
    }

    /// <summary>Stops this host's gauges (the container disposes it with the host).</summary>
    public void Dispose() => Live.TryRemove(this, out _);

    /// <summary>The operation name as metrics and logs carry it: a registered name, or <c>other</c>.</summary>
    public string OperationNameOf(string? operationName) => _operations.Of(operationName);

    /// <summary>One GraphQL request answered.</summary>
    public void RequestEnded(string? operationName, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { OperationTag, _operations.Of(operationName) }, { OutcomeTag, outcome } };
        Requests.Add(1, tags);
        if (outcome != RequestOutcomes.Ok)
        {
            RequestErrors.Add(1, tags);
        }

        RequestDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Fields withheld from one answer, by code.</summary>
    public void Withheld(string code, int count) => WithheldFields.Add(count, new KeyValuePair<string, object?>(CodeTag, CodeOf(code)));

    /// <summary>One audit record appended (or refused) after <paramref name="duration"/>.</summary>
    public void AuditAppended(TimeSpan duration, bool written) =>
        AuditAppend.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, written ? RequestOutcomes.Ok : RequestOutcomes.Error));

    private void SubgraphCallEnded(SubgraphCallMeasure call)
    {
        var subgraph = new KeyValuePair<string, object?>(SubgraphTag, call.Subgraph);
        var outcome = new KeyValuePair<string, object?>(OutcomeTag, call.Outcome);
        SubgraphRequests.Add(1, subgraph, outcome);
        // A call the gateway gave up on (the client went away, the deadline passed) says nothing against the subgraph.
        if (call.Outcome is not (SubgraphCallMeasure.Ok or SubgraphCallMeasure.Cancelled))
        {
            SubgraphErrors.Add(1, subgraph, outcome);
        }

        SubgraphDuration.Record(call.Duration.TotalSeconds, subgraph);
    }

    private long PendingAuditRecords() => _services.GetService<ChildInfo.Audit.AuditLog>()?.QueueDepth ?? 0;

    private IEnumerable<Measurement<int>> CircuitStates() =>
        _calls.Circuits.Where(c => !c.Subgraph.StartsWith("url:", StringComparison.Ordinal)).Select(c => new Measurement<int>(
            c.State switch { "closed" => 0, "half-open" => 1, _ => 2 },
            new KeyValuePair<string, object?>(SubgraphTag, c.Subgraph)));

    /// <summary>Codes are the gateway's and the policies' own constants; anything else is counted as OTHER.</summary>
    private static string CodeOf(string code) =>
        code is { Length: > 0 and <= 48 } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') ? code : "OTHER";
}
