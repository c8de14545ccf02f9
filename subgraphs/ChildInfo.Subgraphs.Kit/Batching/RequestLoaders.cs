using System.Collections.Concurrent;

namespace ChildInfo.Subgraphs.Kit.Batching;

/// <summary>The batch loaders of one request, by name; registered as a scoped service.</summary>
public sealed class RequestLoaders
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(
        string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));

    /// <summary>Loader for one-to-many children (for example a pupil's attendance terms), grouped by parent key.</summary>
    public BatchLoader<TKey, IReadOnlyList<TValue>> GetMany<TKey, TValue>(
        string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IEnumerable<TValue>>> fetch,
        Func<TValue, TKey> parentKey)
        where TKey : notnull =>
        Get<TKey, IReadOnlyList<TValue>>(name, async (keys, ct) =>
        {
            var rows = await fetch(keys, ct).ConfigureAwait(false);
            var grouped = rows.GroupBy(parentKey).ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)g.ToList());
            foreach (var key in keys)
            {
                grouped.TryAdd(key, []);
            }

            return grouped;
        });
}
