using System.Collections.Concurrent;
using System.Diagnostics;
using ChildInfo.Federation.Diagnostics;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// Counts the engine's spans (parse, validate, plan…) made under a root span of the test's own, so tests that run at
/// the same time do not see each other's.
/// </summary>
internal sealed class EngineSpans : IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public EngineSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FederationTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = new Activity("test").Start();
    }

    /// <summary>How many spans named <paramref name="name"/> the engine has finished under this test's root.</summary>
    public int Count(string name) => _spans.Count(s => s.TraceId == _root.TraceId && s.OperationName == name);

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
