using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Registry;
using ChildInfo.RateLimiting;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// The registry and rate limit for <c>childinfo serve</c>. With <c>ChildInfo:Redis</c> (a StackExchange.Redis
/// configuration string) the registry lives in Redis, shared by every replica, and rate limits are counted there;
/// without it the registry persists to <c>registry.json</c> in the data folder and limits are counted in-process.
/// <c>ChildInfo:RateLimit:PermitLimit</c> requests per user per <c>ChildInfo:RateLimit:WindowSeconds</c>
/// (default 60) turn rate limiting on; it is off by default.
/// </summary>
public sealed class ServeRegistry
{
    private ServeRegistry(RegistryHostOptions options, IUserRateLimiter? rateLimiter, IUserRateLimiter? questionBudget)
    {
        QuestionBudget = questionBudget;
        Options = options;
        RateLimiter = rateLimiter;
    }

    public RegistryHostOptions Options { get; }

    public IUserRateLimiter? RateLimiter { get; }

    /// <summary>Analysts' question budget counted in Redis for every replica; null without Redis (then each host counts its own) or without a budget.</summary>
    public IUserRateLimiter? QuestionBudget { get; }

    public static async Task<ServeRegistry> CreateAsync(string dataDirectory, IReadOnlyList<SubgraphSdl>? configured, ServeSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var redis = settings.Redis is { Length: > 0 } value ? value : null;
        var limit = settings.RateLimit.PermitLimit is { } permits ? new RateLimitOptions(permits, TimeSpan.FromSeconds(settings.RateLimit.WindowSeconds)) : null;
        // One Redis connection serves both the registry and the rate limiter.
        var shared = redis is null ? null : await RedisRegistryStore.ConnectAsync(redis, cancellationToken: cancellationToken).ConfigureAwait(false);
        IRegistryStore store = shared ?? (IRegistryStore)new FileRegistryStore(Path.GetFullPath(Path.Combine(dataDirectory, "registry.json")));
        IUserRateLimiter? limiter = null;
        if (limit is not null)
        {
            limiter = shared is null ? new LocalUserRateLimiter(limit) : new RedisUserRateLimiter(shared.Connection, limit);
        }

        var questionBudget = shared is not null && settings.Analytics.QuestionBudget is { } budget
            ? new RedisUserRateLimiter(shared.Connection, budget, "childinfo:questions:")
            : null;
        await output.WriteLineAsync($"Subgraph registry: {store.Description}{(limit is null ? "" : $"; rate limit {limit.PermitLimit} requests per user per {limit.Window.TotalSeconds:0} s")}").ConfigureAwait(false);
        return new ServeRegistry(new RegistryHostOptions { Store = store, Configured = configured }, limiter, questionBudget);
    }
}
