using ChildInfo.Testing;
using StackExchange.Redis;

namespace ChildInfo.RateLimiting.Tests;

/// <summary>
/// The shared limiter on a real Redis. Windows are a century long (aligned to the Unix epoch, the current one ends in
/// 2069), so no test can cross a window boundary by accident.
/// </summary>
public sealed class RedisUserRateLimiterTests : IAsyncDisposable
{
    private static readonly TimeSpan Century = TimeSpan.FromDays(36_500);
    private readonly string _prefix = RedisKit.UniquePrefix("rate");
    private readonly List<ConnectionMultiplexer> _connections = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task TryAcquireAsync_BeyondTheLimit_IsRefusedWithARetryAfter()
    {
        var limiter = await NewLimiterAsync(3);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await limiter.TryAcquireAsync("alice", Ct));
        }

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal([2L, 1L, 0L, 0L], decisions.Select(d => d.Remaining));
        Assert.True(decisions[3].RetryAfter > TimeSpan.Zero);
        Assert.True(decisions[3].RetryAfter <= Century);
        Assert.All(decisions, d => Assert.False(d.FailedOpen));
    }

    [Fact]
    public async Task TwoReplicas_OnSeparateConnections_ShareOneBudget()
    {
        var first = await NewLimiterAsync(4);
        var second = await NewLimiterAsync(4);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await first.TryAcquireAsync("alice", Ct));
            decisions.Add(await second.TryAcquireAsync("alice", Ct));
        }

        Assert.Equal([true, true, true, true, false, false], decisions.Select(d => d.Allowed));
        Assert.Equal([3L, 2L, 1L, 0L, 0L, 0L], decisions.Select(d => d.Remaining));
    }

    [Fact]
    public async Task TryAcquireAsync_DifferentUsers_HaveSeparateBudgets()
    {
        var limiter = await NewLimiterAsync(1);

        Assert.True((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
        Assert.False((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
        Assert.True((await limiter.TryAcquireAsync("bob", Ct)).Allowed);
        Assert.False((await limiter.TryAcquireAsync("bob", Ct)).Allowed);
    }

    [Fact]
    public async Task TryAcquireAsync_SetsAnExpiryOnTheCounter()
    {
        var limiter = await NewLimiterAsync(5, TimeSpan.FromMinutes(10));
        await limiter.TryAcquireAsync("alice", Ct);

        var db = _connections[0].GetDatabase();
        var keys = _connections[0].GetServers()[0].Keys(pattern: _prefix + "rate:alice:*").ToList();
        var ttl = await db.KeyTimeToLiveAsync(Assert.Single(keys));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20));
    }

    [Fact]
    public async Task TryAcquireAsync_RedisUnreachable_FailsOpenAndSaysSo()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        _connections.Add(unreachable);
        var limiter = new RedisUserRateLimiter(unreachable, new RateLimitOptions(1, Century), _prefix);

        var first = await limiter.TryAcquireAsync("alice", Ct);
        var second = await limiter.TryAcquireAsync("alice", Ct);

        Assert.True(first.Allowed);
        Assert.True(second.Allowed);
        Assert.True(second.FailedOpen);
        Assert.Contains("Redis", second.FailedOpenReason);
        Assert.Equal(-1, second.Remaining);
    }

    private async Task<RedisUserRateLimiter> NewLimiterAsync(int permitLimit, TimeSpan? window = null)
    {
        var connection = await RedisKit.ConnectAsync();
        _connections.Add(connection);
        return new RedisUserRateLimiter(connection, new RateLimitOptions(permitLimit, window ?? Century), _prefix);
    }
}
