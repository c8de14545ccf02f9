using System.Collections.Concurrent;
using System.Diagnostics;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>A span per request phase and per subgraph fetch, all in the request's trace.</summary>
public sealed class TelemetryTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task JoinedUpQuery_SpansForEveryPhase_InOneTrace()
    {
        var spans = new ConcurrentBag<Activity>();
        var traceId = ActivityTraceId.CreateRandom();
        // The request's own span may stop just after the response reaches the client: wait for it, not for time.
        var requestStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            // ASP.NET Core makes the request's activity (from traceparent) only while someone listens to it.
            ShouldListenTo = source => source.Name is GatewayTelemetry.SourceName or FederationTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                spans.Add(span);
                if (span.OperationName == "graphql.request" && span.TraceId == traceId)
                {
                    requestStopped.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        // A query text no other test sends, so it is validated and planned afresh rather than taken from the plan cache.
        var query = "query Telemetry($id: ID!) { child(id: $id) { id pupil { surname } socialCareChild { surname } } }";

        // The trace is the test's own current activity: HttpClient sends it as traceparent (through its own span when
        // another test in the process listens to HttpClient, whose span would otherwise start a trace of its own).
        HttpExchange exchange;
        using (new Activity("telemetry-test").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            exchange = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query, variables = new { id = "CH-NONE" } });
        }

        Assert.Equal(200, exchange.Status);
        await requestStopped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var request = Assert.Single(spans, s => s.OperationName == "graphql.request" && s.TraceId == traceId);
        // The client's operation name is not registered, so the trace says "other", never the name as sent.
        Assert.Equal(OperationNameTag.Other, request.GetTagItem("graphql.operation.name"));
        Assert.DoesNotContain(spans.Where(s => s.TraceId == traceId), s => s.Tags.Any(t => t.Value?.Contains("Telemetry", StringComparison.Ordinal) == true));
        var inTrace = spans.Where(s => s.TraceId == request.TraceId).Select(s => s.OperationName).ToList();
        foreach (var phase in new[] { "read", "validate", "plan", "authorise", "execute", "fetch", "write" })
        {
            Assert.Contains(phase, inTrace);
        }

        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
    }
}
