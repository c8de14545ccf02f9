using ChildInfo.Testing;

namespace ChildInfo.RateLimiting.Tests;

public sealed class LocalUserRateLimiterTests
{
    // 10 s into a one-minute window (windows are aligned to the Unix epoch).
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 5, 10, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryAcquireAsync_BeyondTheLimit_IsRefusedUntilTheWindowEnds()
    {
        var limiter = new LocalUserRateLimiter(new RateLimitOptions(3, TimeSpan.FromMinutes(1)), new ManualTimeProvider(Start));

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await limiter.TryAcquireAsync("alice", Ct));
        }

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal([2L, 1L, 0L, 0L], decisions.Select(d => d.Remaining));
        Assert.Equal(TimeSpan.FromSeconds(50), decisions[3].RetryAfter);
        Assert.All(decisions, d => Assert.False(d.FailedOpen));
    }

    [Fact]
    public async Task TryAcquireAsync_NextWindow_StartsAFreshBudget()
    {
        var time = new ManualTimeProvider(Start);
        var limiter = new LocalUserRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(1)), time);
        await limiter.TryAcquireAsync("alice", Ct);
        var refused = await limiter.TryAcquireAsync("alice", Ct);

        time.Advance(refused.RetryAfter);
        var next = await limiter.TryAcquireAsync("alice", Ct);

        Assert.False(refused.Allowed);
        Assert.True(next.Allowed);
        Assert.Equal(0, next.Remaining);
    }

    [Fact]
    public async Task TryAcquireAsync_DifferentUsers_HaveSeparateBudgets()
    {
        var limiter = new LocalUserRateLimiter(new RateLimitOptions(1, TimeSpan.FromMinutes(1)), new ManualTimeProvider(Start));

        Assert.True((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
        Assert.False((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
        Assert.True((await limiter.TryAcquireAsync("bob", Ct)).Allowed);
    }

    [Fact]
    public async Task TryAcquireAsync_ManyThreadsAtOnce_AllowExactlyTheLimit()
    {
        var limiter = new LocalUserRateLimiter(new RateLimitOptions(50, TimeSpan.FromMinutes(1)), new ManualTimeProvider(Start));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var allowed = 0;
            for (var i = 0; i < 100; i++)
            {
                if ((await limiter.TryAcquireAsync("alice", Ct)).Allowed)
                {
                    allowed++;
                }
            }
            return allowed;
        }, Ct)));

        Assert.Equal(50, results.Sum());
    }

    [Fact]
    public async Task TryAcquireAsync_AfterManyWindows_KeepsCountingCorrectly()
    {
        var time = new ManualTimeProvider(Start);
        var limiter = new LocalUserRateLimiter(new RateLimitOptions(2, TimeSpan.FromSeconds(1)), time);

        for (var window = 0; window < 5; window++)
        {
            Assert.True((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
            Assert.True((await limiter.TryAcquireAsync("bob", Ct)).Allowed);
            Assert.True((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
            Assert.False((await limiter.TryAcquireAsync("alice", Ct)).Allowed);
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 0)]
    public void Constructor_NonsenseOptions_AreRefused(int limit, int windowMs) =>
        Assert.ThrowsAny<ArgumentException>(() => new LocalUserRateLimiter(new RateLimitOptions(limit, TimeSpan.FromMilliseconds(windowMs))));
}
