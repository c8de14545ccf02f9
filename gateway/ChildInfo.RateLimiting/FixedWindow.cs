namespace ChildInfo.RateLimiting;

/// <summary>
/// The fixed window a moment falls in. Windows are aligned to the Unix epoch, so every replica (and the local limiter)
/// puts the same moment in the same window without coordinating.
/// </summary>
internal readonly record struct FixedWindow(long StartMilliseconds, TimeSpan UntilEnd)
{
    public static FixedWindow At(DateTimeOffset now, TimeSpan window)
    {
        var windowMs = (long)window.TotalMilliseconds;
        var nowMs = now.ToUnixTimeMilliseconds();
        var start = nowMs - (nowMs % windowMs);
        return new FixedWindow(start, TimeSpan.FromMilliseconds(start + windowMs - nowMs));
    }

    /// <summary>The decision once this request made <paramref name="count"/> in the window.</summary>
    public RateLimitDecision Decide(long count, int permitLimit) =>
        count <= permitLimit
            ? new RateLimitDecision(true, TimeSpan.Zero, permitLimit - count)
            : new RateLimitDecision(false, UntilEnd, 0);
}
