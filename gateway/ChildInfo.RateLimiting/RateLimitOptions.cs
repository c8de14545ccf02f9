namespace ChildInfo.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per user in each fixed <see cref="Window"/> (windows aligned to the Unix epoch).</summary>
public sealed record RateLimitOptions(int PermitLimit, TimeSpan Window)
{
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1 or the window shorter than a millisecond.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PermitLimit, 1, nameof(PermitLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.FromMilliseconds(1), nameof(Window));
    }
}
