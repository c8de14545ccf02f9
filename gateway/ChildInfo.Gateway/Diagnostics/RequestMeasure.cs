using System.Diagnostics;
using ChildInfo.Federation;
using ChildInfo.Gateway.Authorisation;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// What the metrics and the request line need of one GraphQL request, gathered as it runs (an
/// <see cref="HttpContext"/> feature) and reported once when it ends: its operation's name, its result, its time.
/// </summary>
public sealed partial class RequestMeasure(GatewayMetrics? metrics)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The operation's name as the client wrote it: only ever reported through <see cref="OperationNameTag"/>.</summary>
    public string? OperationName { get; set; }

    public GatewayResult? Result { get; set; }

    /// <summary>The endpoint wrote its answer; false when it threw (the client went away, or the gateway failed).</summary>
    public bool Completed { get; set; }

    public void Ended(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var status = http.Response.StatusCode;
        var withheld = WithheldCodes(http);
        var outcome = !Completed ? RequestOutcomes.Error // answered 500 after this, or not at all
            : Result is { IsRequestError: true } && status < 400 ? RequestOutcomes.Rejected // a request error answered 200, as application/json asks
            : RequestOutcomes.Of(status, Result is { Errors.Count: > 0 }, withheld.Count);
        if (metrics is not null)
        {
            metrics.RequestEnded(OperationName, outcome, elapsed);
            foreach (var group in withheld.GroupBy(w => w.Code, StringComparer.Ordinal))
            {
                metrics.Withheld(group.Key, group.Count());
            }
        }

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChildInfo.Gateway.Requests");
        if (logger.IsEnabled(LogLevel.Information))
        {
            var operation = metrics?.OperationNameOf(OperationName) ?? OperationNameTag.None;
            LogRequestCompleted(logger, http.TraceIdentifier, operation, status, outcome, withheld.Count, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Each field withheld once per reason: by the plan (policy, record scope) and while running (preferences).</summary>
    private HashSet<(string Field, string Code)> WithheldCodes(HttpContext http)
    {
        var withheld = new HashSet<(string, string)>();
        if (http.Features.Get<RequestAccess>() is { } access)
        {
            foreach (var field in access.Withheld)
            {
                withheld.Add((field.Field, field.Code));
            }
        }

        foreach (var (decision, _) in Result?.Withheld ?? [])
        {
            withheld.Add((decision.Coordinate, decision.Code));
        }

        return withheld;
    }

    [LoggerMessage(EventIds.RequestCompleted, LogLevel.Information,
        "Request {RequestId} ({Operation}) answered {Status} ({Outcome}), {Withheld} fields withheld, in {ElapsedMs:0.0} ms.")]
    private static partial void LogRequestCompleted(ILogger logger, string requestId, string operation, int status, string outcome, int withheld, double elapsedMs);
}
