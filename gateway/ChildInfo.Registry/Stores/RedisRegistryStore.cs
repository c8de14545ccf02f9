using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using StackExchange.Redis;

namespace ChildInfo.Registry;

/// <summary>
/// The registry shared by every gateway replica: the snapshot as JSON under <c>{prefix}registry</c>. A write is one
/// Lua script that checks the stored revision, sets the new document and publishes its revision on
/// <c>{prefix}registry:changed</c>, so no replica can see a write without its notice or a notice without its write.
/// Each store subscribes to that channel (its own writes come back the same way) and raises
/// <see cref="RegistryChangeKind.Reconnected"/> when a lost connection is restored and the subscription is live again,
/// because notices published while it was away are gone for good.
/// </summary>
public sealed class RedisRegistryStore : IRegistryStore
{
    /// <summary>KEYS[1] registry key; ARGV[1] expected revision, ARGV[2] new document, ARGV[3] channel. Returns {1, new} or {0, current}.</summary>
    private const string CompareAndSetScript = """
        local stored = redis.call('GET', KEYS[1])
        local revision = 0
        if stored then
          local ok, document = pcall(cjson.decode, stored)
          if not ok or type(document) ~= 'table' or type(document['revision']) ~= 'number' then
            return redis.error_reply('the value is not a registry document with a numeric revision')
          end
          revision = document['revision']
        end
        if revision ~= tonumber(ARGV[1]) then
          return {0, revision}
        end
        local written = revision + 1
        redis.call('SET', KEYS[1], ARGV[2])
        redis.call('PUBLISH', ARGV[3], written)
        return {1, written}
        """;

    /// <summary>Messages on the change channel that are not revisions: a store checking that its subscription is live.</summary>
    private const string ProbePrefix = "probe:";
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProbeGiveUp = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _probes = new(StringComparer.Ordinal);
    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly RedisKey _key;
    private readonly RedisChannel _channel;
    private readonly string _endpoints;
    private long _lastRevision;
    private int _disposed;

    private RedisRegistryStore(IConnectionMultiplexer redis, bool ownsConnection, string keyPrefix)
    {
        _redis = redis;
        _ownsConnection = ownsConnection;
        _key = new RedisKey(keyPrefix + "registry");
        _channel = RedisChannel.Literal(keyPrefix + "registry:changed");
        _endpoints = RedisEndpoints.Describe(redis.GetEndPoints());
    }

    /// <summary>The store's connection, for other users of the same Redis (the rate limiter); the store disposes it if it opened it.</summary>
    public IConnectionMultiplexer Connection => _redis;

    /// <inheritdoc />
    public string Description => $"redis {_endpoints} (key {_key})";

    /// <inheritdoc />
    public event EventHandler<RegistryChanged>? Changed;

    /// <summary>
    /// Connects to Redis and subscribes to registry changes. The first connection must succeed: a gateway configured
    /// for a shared registry must not start on its own. Later connection losses are retried by the client.
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. "redis:6379,password=...".</param>
    /// <exception cref="RegistryStoreException">Redis cannot be reached, or the configuration is malformed.</exception>
    public static async Task<RedisRegistryStore> ConnectAsync(string configuration, string keyPrefix = "childinfo:", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            throw new RegistryStoreException($"The Redis configuration for the subgraph registry is not valid: {ex.Message}", ex);
        }

        options.AbortOnConnectFail = true;
        var where = RedisEndpoints.Describe(options.EndPoints);
        var connecting = ConnectionMultiplexer.ConnectAsync(options);
        ConnectionMultiplexer redis;
        try
        {
            redis = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = connecting.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        catch (RedisConnectionException ex)
        {
            throw new RegistryStoreException($"Cannot reach Redis at {where} for the subgraph registry: {ex.Message}", ex);
        }

        try
        {
            return await StartAsync(redis, ownsConnection: true, keyPrefix, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await redis.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A store on a connection the caller owns (and disposes after the store).</summary>
    /// <exception cref="RegistryStoreException">The subscription to registry changes failed.</exception>
    public static Task<RedisRegistryStore> CreateAsync(IConnectionMultiplexer redis, string keyPrefix = "childinfo:", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return StartAsync(redis, ownsConnection: false, keyPrefix, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RegistrySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var value = await CallAsync(_redis.GetDatabase().StringGetAsync(_key), cancellationToken).ConfigureAwait(false);
        if (value.IsNull)
        {
            return RegistrySnapshot.Empty;
        }

        var snapshot = RegistryJson.Deserialize((byte[])value!, $"Redis key {_key} at {_endpoints}");
        NoteRevision(snapshot.Revision);
        return snapshot;
    }

    /// <inheritdoc />
    public async Task<RegistrySnapshot?> TryWriteAsync(long expectedRevision, ImmutableArray<SubgraphEntry> subgraphs, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRevision);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var written = new RegistrySnapshot(expectedRevision + 1, RegistrySnapshot.Order(subgraphs));
        var document = RegistryJson.Serialize(written.Revision, written.Subgraphs);

        var result = await CallAsync(
            _redis.GetDatabase().ScriptEvaluateAsync(CompareAndSetScript, [_key], [expectedRevision, document, _channel.ToString()]),
            cancellationToken).ConfigureAwait(false);
        var reply = (RedisResult[])result!;
        NoteRevision((long)reply[1]);
        return (long)reply[0] == 1 ? written : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _redis.ConnectionRestored -= OnConnectionRestored;
        Changed = null;
        try
        {
            await _redis.GetSubscriber().UnsubscribeAsync(_channel, OnMessage).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Closing anyway: a lost subscription dies with the connection.
        }

        if (_ownsConnection)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<RedisRegistryStore> StartAsync(IConnectionMultiplexer redis, bool ownsConnection, string keyPrefix, CancellationToken cancellationToken)
    {
        var store = new RedisRegistryStore(redis, ownsConnection, keyPrefix);
        await store.CallAsync(redis.GetSubscriber().SubscribeAsync(store._channel, store.OnMessage), cancellationToken).ConfigureAwait(false);
        redis.ConnectionRestored += store.OnConnectionRestored;
        return store;
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (message.StartsWith(ProbePrefix))
        {
            if (_probes.TryGetValue(message.ToString(), out var heard))
            {
                heard.TrySetResult();
            }

            return;
        }

        if (!message.TryParse(out long revision))
        {
            return;
        }

        NoteRevision(revision);
        ChangeNotice.Raise(Changed, this, new RegistryChanged(revision, RegistryChangeKind.Written));
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _ = AnnounceReconnectedAsync();

    /// <summary>
    /// Announces a restored connection only once the subscription is live again, so that followers who re-read on the
    /// announcement also hear every write after it.
    /// </summary>
    private async Task AnnounceReconnectedAsync()
    {
        await ConfirmSubscribedAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) == 0)
        {
            ChangeNotice.Raise(Changed, this, new RegistryChanged(Interlocked.Read(ref _lastRevision), RegistryChangeKind.Reconnected));
        }
    }

    /// <summary>
    /// Publishes a probe on the change channel until it comes back through this store's own subscription (other
    /// replicas ignore probes), or gives up after <see cref="ProbeGiveUp"/> and announces anyway: a re-read is never wrong.
    /// </summary>
    private async Task ConfirmSubscribedAsync()
    {
        var probe = ProbePrefix + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[probe] = heard;
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _disposed) == 0 && Stopwatch.GetElapsedTime(started) < ProbeGiveUp)
            {
                try
                {
                    await _redis.GetSubscriber().PublishAsync(_channel, probe).ConfigureAwait(false);
                    await heard.Task.WaitAsync(ProbeInterval).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Not back yet: publish another probe.
                }
                catch (ObjectDisposedException)
                {
                    return; // the store closed its connection while probing
                }
            }
        }
        finally
        {
            _probes.TryRemove(probe, out _);
        }
    }

    private void NoteRevision(long revision)
    {
        var seen = Interlocked.Read(ref _lastRevision);
        while (revision > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastRevision, revision, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>Awaits a Redis call, turning client failures into <see cref="RegistryStoreException"/>s that say where.</summary>
    private async Task<T> CallAsync<T>(Task<T> call, CancellationToken cancellationToken)
    {
        await CallAsync((Task)call, cancellationToken).ConfigureAwait(false);
        return await call.ConfigureAwait(false);
    }

    private async Task CallAsync(Task call, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            throw new RegistryStoreException($"Cannot reach Redis at {_endpoints} for the subgraph registry: {ex.Message}", ex);
        }
        catch (RedisServerException ex)
        {
            throw new RegistryStoreException($"Redis at {_endpoints} refused the registry command on key {_key}: {ex.Message}", ex);
        }
    }
}
