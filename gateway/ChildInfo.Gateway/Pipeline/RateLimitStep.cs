using System.Globalization;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.RateLimiting;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// Counts a bound request against its user's limit; a refusal is answered 429 with <c>Retry-After</c>. When the shared
/// counter cannot be reached the request goes ahead (practitioners' work must not stop on a cache outage) and it is
/// logged. Requests of no identified user are not counted here (they were refused when bound, or the host is open).
/// </summary>
public static partial class RateLimitStep
{
    /// <summary>Null when the request may go on; else the refusal.</summary>
    public static async Task<Answer?> RunAsync(IUserRateLimiter? limiter, GatewayRequestContext context, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (limiter is null || context.Caller?.User is not { Length: > 0 } user)
        {
            return null;
        }

        var decision = await limiter.TryAcquireAsync(user, cancellationToken).ConfigureAwait(false);
        if (decision.FailedOpen)
        {
            Log.RateLimitUnchecked(logger, decision.FailedOpenReason!);
        }

        if (decision.Allowed)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        return Answer.RequestError(StatusCodes.Status429TooManyRequests, $"Too many requests from this user; try again in {seconds} s.", "RATE_LIMITED")
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.RateLimitUnchecked, LogLevel.Warning, "The per-user rate limit could not be checked, so the request went ahead uncounted: {Reason}")]
        public static partial void RateLimitUnchecked(ILogger logger, string reason);
    }
}
