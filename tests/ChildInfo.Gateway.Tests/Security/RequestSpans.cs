using System.Collections.Concurrent;
using System.Diagnostics;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Gateway.Diagnostics;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Counts the spans a gateway in this process makes for requests sent with <see cref="Traceparent"/>: ASP.NET Core
/// continues the trace the header names, so the engine's spans (parse, validate…) of those requests share its id
/// and no other test's requests are counted.
/// </summary>
internal sealed class RequestSpans : IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener;
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();

    public RequestSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FederationTelemetry.SourceName or GatewayTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A W3C trace context header value in this counter's trace.</summary>
    public string Traceparent => $"00-{_traceId}-{ActivitySpanId.CreateRandom()}-01";

    public int Count(string name) => _spans.Count(s => s.TraceId == _traceId && s.OperationName == name);

    public void Dispose() => _listener.Dispose();
}
