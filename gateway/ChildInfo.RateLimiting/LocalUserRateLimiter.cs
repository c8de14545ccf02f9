using System.Collections.Concurrent;

namespace ChildInfo.RateLimiting;

/// <summary>
/// Per-user fixed windows in this process: the limiter for a single gateway without Redis. Same windows and answers
/// as <see cref="RedisUserRateLimiter"/>, but each replica would count separately. Counters of past windows are
/// dropped when a new window starts, so memory follows the number of active users.
/// </summary>
public sealed class LocalUserRateLimiter : IUserRateLimiter
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private long _sweptWindow = long.MinValue;

    public LocalUserRateLimiter(RateLimitOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<RateLimitDecision> TryAcquireAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        var window = FixedWindow.At(_time.GetUtcNow(), _options.Window);
        Sweep(window.StartMilliseconds);

        while (true)
        {
            var counter = _counters.GetOrAdd(user, static _ => new Counter());
            lock (counter)
            {
                if (counter.Retired)
                {
                    continue; // swept between the lookup and the lock: take the fresh counter
                }

                if (counter.WindowStart != window.StartMilliseconds)
                {
                    counter.WindowStart = window.StartMilliseconds;
                    counter.Count = 0;
                }
                counter.Count++;
                return ValueTask.FromResult(window.Decide(counter.Count, _options.PermitLimit));
            }
        }
    }

    /// <summary>Once per window, drops counters left over from earlier windows.</summary>
    private void Sweep(long windowStart)
    {
        var swept = Interlocked.Read(ref _sweptWindow);
        if (windowStart <= swept || Interlocked.CompareExchange(ref _sweptWindow, windowStart, swept) != swept)
        {
            return;
        }

        foreach (var (user, counter) in _counters)
        {
            lock (counter)
            {
                if (counter.WindowStart >= windowStart)
                {
                    continue;
                }

                counter.Retired = true;
                _counters.TryRemove(new KeyValuePair<string, Counter>(user, counter));
            }
        }
    }

    private sealed class Counter
    {
        public long WindowStart = long.MinValue;
        public long Count;
        public bool Retired;
    }
}
