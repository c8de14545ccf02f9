using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// The gateway's one <see cref="Meter"/> (<see cref="MeterName"/>) and its instruments. Every tag value comes from a
/// small closed set: registered operation names or <c>other</c> (<see cref="OperationNameTag"/>), subgraph names from
/// the supergraph, outcomes, error and withholding codes. No instrument is ever tagged with a child id, a user, a
/// purpose's justification or any other text a caller sent.
/// </summary>
public sealed class GatewayMetrics
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

    private readonly OperationNameTag _operations;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _requestErrors;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _subgraphRequests;
    private readonly Counter<long> _subgraphErrors;
    private readonly Histogram<double> _subgraphDuration;
    private readonly Counter<long> _withheld;
    private readonly Histogram<double> _auditAppend;

    public GatewayMetrics(IMeterFactory meters, TelemetryOptions options, SubgraphCallMonitor calls, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(services);
        _operations = new OperationNameTag(options.TaggedOperationNames());
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("childinfo.gateway.requests", "{request}", "GraphQL requests answered, by operation and outcome.");
        _requestErrors = meter.CreateCounter<long>("childinfo.gateway.request.errors", "{request}", "GraphQL requests not answered in full (partial, refused or failed), by operation and outcome.");
        _requestDuration = meter.CreateHistogram("childinfo.gateway.request.duration", "s", "Time from reading a GraphQL request to its answer, audit included.", advice: DurationBuckets);
        _subgraphRequests = meter.CreateCounter<long>("childinfo.gateway.subgraph.requests", "{request}", "Calls to subgraphs, by subgraph and outcome.");
        _subgraphErrors = meter.CreateCounter<long>("childinfo.gateway.subgraph.errors", "{request}", "Calls to subgraphs that failed, timed out or were not made (circuit open), by subgraph and outcome.");
        _subgraphDuration = meter.CreateHistogram("childinfo.gateway.subgraph.duration", "s", "Time of one call to a subgraph, by subgraph.", advice: DurationBuckets);
        _withheld = meter.CreateCounter<long>("childinfo.gateway.withheld_fields", "{field}", "Fields withheld from answers, by the code of the reason.");
        _auditAppend = meter.CreateHistogram("childinfo.gateway.audit.append.duration", "s", "Time to make one request's audit record durable (group commit included).", advice: DurationBuckets);
        meter.CreateObservableGauge("childinfo.gateway.audit.queue_depth", () => (long)(services.GetService<GatewayAudit>()?.Log.QueueDepth ?? 0), "{record}",
            "Audit records waiting to be written.");
        meter.CreateObservableGauge("childinfo.gateway.subgraph.circuit_state", () => CircuitStates(calls), "{state}",
            "Each subgraph's circuit breaker: 0 closed, 1 half-open (trying one call), 2 open (calls fail fast).");
        calls.SubscribeCalls(SubgraphCallEnded);
    }

    /// <summary>The operation name as metrics and logs carry it: a registered name, or <c>other</c>.</summary>
    public string OperationNameOf(string? operationName) => _operations.Of(operationName);

    /// <summary>One GraphQL request answered.</summary>
    public void RequestEnded(string? operationName, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { OperationTag, _operations.Of(operationName) }, { OutcomeTag, outcome } };
        _requests.Add(1, tags);
        if (outcome != RequestOutcomes.Ok)
        {
            _requestErrors.Add(1, tags);
        }

        _requestDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Fields withheld from one answer, by code.</summary>
    public void Withheld(string code, int count) => _withheld.Add(count, new KeyValuePair<string, object?>(CodeTag, CodeOf(code)));

    /// <summary>One audit record appended (or refused) after <paramref name="duration"/>.</summary>
    public void AuditAppended(TimeSpan duration, bool written) =>
        _auditAppend.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, written ? RequestOutcomes.Ok : RequestOutcomes.Error));

    private void SubgraphCallEnded(SubgraphCallMeasure call)
    {
        var subgraph = new KeyValuePair<string, object?>(SubgraphTag, call.Subgraph);
        var outcome = new KeyValuePair<string, object?>(OutcomeTag, call.Outcome);
        _subgraphRequests.Add(1, subgraph, outcome);
        if (call.Outcome != SubgraphCallMeasure.Ok)
        {
            _subgraphErrors.Add(1, subgraph, outcome);
        }

        _subgraphDuration.Record(call.Duration.TotalSeconds, subgraph);
    }

    private static IEnumerable<Measurement<int>> CircuitStates(SubgraphCallMonitor calls) =>
        calls.Circuits.Where(c => !c.Subgraph.StartsWith("url:", StringComparison.Ordinal)).Select(c => new Measurement<int>(
            c.State switch { "closed" => 0, "half-open" => 1, _ => 2 },
            new KeyValuePair<string, object?>(SubgraphTag, c.Subgraph)));

    /// <summary>Codes are the gateway's and the policies' own constants; anything else is counted as OTHER.</summary>
    private static string CodeOf(string code) =>
        code is { Length: > 0 and <= 48 } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') ? code : "OTHER";
}
