using StackExchange.Redis;

namespace ChildInfo.RateLimiting;

/// <summary>
/// Per-user fixed windows counted in Redis, so every replica shares one budget per user. One Lua script increments
/// <c>{prefix}rate:{user}:{windowStart}</c> and sets its expiry atomically, so a counter can never outlive its use.
/// Windows come from this host's clock (aligned to the Unix epoch); replicas with clocks seconds apart disagree only
/// at window edges.
/// <para>
/// When Redis cannot be reached (not connected, an error, or no answer within <see cref="Timeout"/>) the limiter
/// <b>fails open</b>: the request is allowed uncounted and the decision carries
/// <see cref="RateLimitDecision.FailedOpenReason"/>, which the host must log as a warning. Refusing every
/// practitioner whenever Redis blips would stop child-protection work; a short stretch without per-user limits is the
/// lesser harm, and the audit trail still records every request.
/// </para>
/// </summary>
public sealed class RedisUserRateLimiter : IUserRateLimiter
{
    /// <summary>KEYS[1] the window's counter; ARGV[1] its lifetime in milliseconds. Returns the count including this request.</summary>
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RateLimitOptions _options;
    private readonly string _keyPrefix;
    private readonly TimeProvider _time;
    private readonly long _lifetimeMilliseconds;

    public RedisUserRateLimiter(IConnectionMultiplexer redis, RateLimitOptions options, string keyPrefix = "childinfo:", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        options.Validate();
        _redis = redis;
        _options = options;
        _keyPrefix = keyPrefix + "rate:";
        _time = timeProvider ?? TimeProvider.System;
        // Two windows: the counter outlives its own window even on a replica whose clock runs a little behind.
        _lifetimeMilliseconds = 2 * (long)options.Window.TotalMilliseconds;
    }

    /// <summary>How long a request waits for Redis before it is allowed uncounted; keeps a Redis stall off the request path.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async ValueTask<RateLimitDecision> TryAcquireAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_redis.IsConnected)
        {
            return RateLimitDecision.AllowUncounted("Redis is not connected; the request was not counted against the user's limit.");
        }

        var window = FixedWindow.At(_time.GetUtcNow(), _options.Window);
        var key = new RedisKey($"{_keyPrefix}{user}:{window.StartMilliseconds}");
        try
        {
            var count = (long)(await _redis.GetDatabase()
                .ScriptEvaluateAsync(IncrementScript, [key], [_lifetimeMilliseconds])
                .WaitAsync(Timeout, cancellationToken)
                .ConfigureAwait(false))!;
            return window.Decide(count, _options.PermitLimit);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return RateLimitDecision.AllowUncounted($"Redis did not count the request ({ex.GetType().Name}: {ex.Message}); it was allowed uncounted.");
        }
    }
}
