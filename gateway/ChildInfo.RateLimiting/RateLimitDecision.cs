namespace ChildInfo.RateLimiting;

/// <summary>
/// The answer for one request. <see cref="RetryAfter"/> is how long until the window resets when refused (zero when
/// allowed). <see cref="Remaining"/> is the permits left in this window, or -1 when unknown.
/// </summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, long Remaining)
{
    /// <summary>
    /// Why the request was allowed without being counted (the shared counter could not be reached), or null when it was
    /// counted. The host should log a warning when this is set: limits are not being enforced.
    /// </summary>
    public string? FailedOpenReason { get; init; }

    /// <summary>True when the request was allowed because the limit could not be checked.</summary>
    public bool FailedOpen => FailedOpenReason is not null;

    /// <summary>An uncounted allowance, for when the shared counter is unreachable.</summary>
    public static RateLimitDecision AllowUncounted(string reason) => new(true, TimeSpan.Zero, -1) { FailedOpenReason = reason };
}
