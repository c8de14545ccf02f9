using System.Diagnostics;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Diagnostics;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// What the metrics and the request line need of one GraphQL request, reported once when it ends: its operation's
/// name, its time, and from its <see cref="RequestRecord"/> its result and what was withheld.
/// </summary>
public sealed partial class RequestMeasure(GatewayMetrics? metrics)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The operation's name as the client wrote it: only ever reported through <see cref="OperationNameTag"/>.</summary>
    public string? OperationName { get; set; }

    /// <summary>The operation's name as metrics and traces may carry it: registered names only (<see cref="OperationNameTag"/>).</summary>
    public string OperationTag => metrics?.OperationNameOf(OperationName) ?? (string.IsNullOrEmpty(OperationName) ? OperationNameTag.None : OperationNameTag.Other);

    /// <summary>The endpoint wrote its answer; false when it threw (the client went away, or the gateway failed).</summary>
    public bool Completed { get; set; }

    public void Ended(HttpContext http, RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(record);
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var status = http.Response.StatusCode;
        var withheld = WithheldCodes(record);
        var result = record.Result;
        var outcome = !Completed ? RequestOutcomes.Error // answered 500 after this, or not at all
            : result is { IsRequestError: true } && status < 400 ? RequestOutcomes.Rejected // a request error answered 200, as application/json asks
            : RequestOutcomes.Of(status, result is { Errors.Count: > 0 }, withheld.Count);
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
    private static HashSet<(string Field, string Code)> WithheldCodes(RequestRecord record)
    {
        var withheld = new HashSet<(string, string)>();
        foreach (var (decision, _) in record.Withheld)
        {
            withheld.Add((decision.Coordinate, decision.Code));
        }

        foreach (var (decision, _) in record.Result?.Withheld ?? [])
        {
            withheld.Add((decision.Coordinate, decision.Code));
        }

        return withheld;
    }

    [LoggerMessage(EventIds.RequestCompleted, LogLevel.Information,
        "Request {RequestId} ({Operation}) answered {Status} ({Outcome}), {Withheld} fields withheld, in {ElapsedMs:0.0} ms.")]
    private static partial void LogRequestCompleted(ILogger logger, string requestId, string operation, int status, string outcome, int withheld, double elapsedMs);
}
