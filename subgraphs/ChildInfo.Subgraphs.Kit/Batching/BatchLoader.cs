using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Kit.Batching;

/// <summary>
/// Collects keys while GraphQL.NET walks one level of a response and fetches them in one call when the first
/// result is awaited, so a list of N entities costs one SQL query rather than N. One instance per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly object _gate = new();
    private HashSet<TKey> _pending = [];
    private Task<IReadOnlyDictionary<TKey, TValue>>? _inFlight;
    private readonly Dictionary<TKey, TValue> _loaded = [];

    public BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>Number of fetches made; tests use it to prove batching.</summary>
    public int FetchCount { get; private set; }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }
        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<IReadOnlyDictionary<TKey, TValue>>? batch;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value))
                {
                    return value;
                }

                if (!_pending.Contains(key) && _inFlight is null)
                {
                    return default!;
                }

                if (_inFlight is null)
                {
                    var keys = _pending;
                    _pending = [];
                    FetchCount++;
                    _inFlight = _fetch(keys, cancellationToken);
                }
                batch = _inFlight;
            }
            IReadOnlyDictionary<TKey, TValue> fetched;
            try
            {
                fetched = await batch.ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    if (ReferenceEquals(_inFlight, batch))
                    {
                        _inFlight = null;
                    }
                }
            }
            lock (_gate)
            {
                foreach (var pair in fetched)
                {
                    _loaded[pair.Key] = pair.Value;
                }

                if (_loaded.TryGetValue(key, out var value))
                {
                    return value;
                }

                if (!_pending.Contains(key))
                {
                    return default!;
                }
            }
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
