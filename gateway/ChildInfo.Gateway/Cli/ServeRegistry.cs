using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Registry;
using ChildInfo.RateLimiting;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// The registry and rate limit for <c>childinfo serve</c>. With <c>ChildInfo__Redis</c> (a StackExchange.Redis
/// configuration string) the registry lives in Redis, shared by every replica, and rate limits are counted there;
/// without it the registry persists to <c>registry.json</c> in the data folder and limits are counted in-process.
/// <c>ChildInfo__RateLimit__PermitLimit</c> requests per user per <c>ChildInfo__RateLimit__WindowSeconds</c>
/// (default 60) turn rate limiting on; it is off by default.
/// </summary>
public sealed class ServeRegistry
{
    private ServeRegistry(RegistryHostOptions options, IUserRateLimiter? rateLimiter)
    {
        Options = options;
        RateLimiter = rateLimiter;
    }

    public RegistryHostOptions Options { get; }

    public IUserRateLimiter? RateLimiter { get; }

    public static async Task<ServeRegistry> CreateAsync(string dataDirectory, IReadOnlyList<SubgraphSdl>? configured, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var redis = Environment.GetEnvironmentVariable("ChildInfo__Redis") is { Length: > 0 } value ? value : null;
        var limit = RateLimit();
        // One Redis connection serves both the registry and the rate limiter.
        var shared = redis is null ? null : await RedisRegistryStore.ConnectAsync(redis, cancellationToken: cancellationToken).ConfigureAwait(false);
        IRegistryStore store = shared ?? (IRegistryStore)new FileRegistryStore(Path.GetFullPath(Path.Combine(dataDirectory, "registry.json")));
        IUserRateLimiter? limiter = null;
        if (limit is not null)
        {
            limiter = shared is null ? new LocalUserRateLimiter(limit) : new RedisUserRateLimiter(shared.Connection, limit);
        }

        await output.WriteLineAsync($"Subgraph registry: {store.Description}{(limit is null ? "" : $"; rate limit {limit.PermitLimit} requests per user per {limit.Window.TotalSeconds:0} s")}").ConfigureAwait(false);
        return new ServeRegistry(new RegistryHostOptions { Store = store, Configured = configured }, limiter);
    }

    private static RateLimitOptions? RateLimit()
    {
        if (Environment.GetEnvironmentVariable("ChildInfo__RateLimit__PermitLimit") is not { Length: > 0 } permits)
        {
            return null;
        }

        var window = Environment.GetEnvironmentVariable("ChildInfo__RateLimit__WindowSeconds") is { Length: > 0 } seconds ? seconds : "60";
        if (!int.TryParse(permits, out var limit) || limit < 1 || !int.TryParse(window, out var windowSeconds) || windowSeconds < 1)
        {
            throw new CommandLineException("ChildInfo__RateLimit__PermitLimit and ChildInfo__RateLimit__WindowSeconds must be whole numbers of at least 1.");
        }

        return new RateLimitOptions(limit, TimeSpan.FromSeconds(windowSeconds));
    }
}
