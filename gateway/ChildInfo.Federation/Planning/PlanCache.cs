using System.Collections.Concurrent;
using ChildInfo.Federation.Operations;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Compiled operations (and their plans) by operation text, operation name and the caller's scope key. Looked up
/// first by the exact text, then by the normalised text, so reformatted copies of one operation share a plan.
/// </summary>
/// <remarks>
/// Bounded with CLOCK (second-chance) eviction, an approximation of least-recently-used: a hit only marks its entry
/// as used (no lock, no allocation); an insert into a full cache sweeps the ring of keys under a lock, giving each
/// marked entry a second chance and evicting the first one not used since the hand last passed it.
/// </remarks>
internal sealed class PlanCache
{
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly Queue<Key> _ring = new();
    private readonly Lock _gate = new();
    private readonly int _capacity;

    public PlanCache(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    public int Count => _entries.Count;

    public int Capacity => _capacity;

    public bool TryGet(string text, string? operationName, string? scope, out CompiledOperation operation)
    {
        if (_entries.TryGetValue(new Key(text, operationName ?? string.Empty, scope ?? string.Empty), out var entry))
        {
            if (!entry.Used)
            {
                entry.Used = true;
            }

            operation = entry.Operation;
            return true;
        }

        operation = null!;
        return false;
    }

    /// <param name="normalised">The text is the printed (normalised) form, not what a client sent.</param>
    public void Add(string text, string? operationName, string? scope, CompiledOperation operation, bool normalised = false)
    {
        var key = new Key(text, operationName ?? string.Empty, scope ?? string.Empty);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                existing.Operation = operation;
                existing.Used = true;
                return;
            }

            while (_entries.Count >= _capacity && _ring.Count > 0)
            {
                EvictOne();
            }

            _entries[key] = new Entry(operation) { Normalised = normalised };
            _ring.Enqueue(key);
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> cached operations, one per compiled operation and scope, those used since the clock
    /// hand last passed first, then the rest, each group newest first; a client's own text is preferred to the
    /// normalised copy, so that the operation it names is found again by its exact text.
    /// </summary>
    public IReadOnlyList<CachedOperation> Recent(int max)
    {
        Key[] ring;
        lock (_gate)
        {
            ring = [.. _ring];
        }

        var chosen = new Dictionary<(CompiledOperation, string), (Key Key, bool Used, int Order)>();
        for (var i = ring.Length - 1; i >= 0; i--)
        {
            if (!_entries.TryGetValue(ring[i], out var entry))
            {
                continue;
            }

            var identity = (entry.Operation, ring[i].Scope);
            if (!chosen.TryGetValue(identity, out var seen))
            {
                chosen[identity] = (ring[i], entry.Used, i);
            }
            else if (_entries.TryGetValue(seen.Key, out var seenEntry) && seenEntry.Normalised && !entry.Normalised)
            {
                chosen[identity] = (ring[i], seen.Used || entry.Used, seen.Order);
            }
            else if (entry.Used && !seen.Used)
            {
                chosen[identity] = seen with { Used = true };
            }
        }

        return chosen
            .OrderByDescending(c => c.Value.Used)
            .ThenByDescending(c => c.Value.Order)
            .Take(Math.Max(0, max))
            .Select(c => new CachedOperation(
                c.Value.Key.Text,
                c.Value.Key.OperationName.Length == 0 ? null : c.Value.Key.OperationName,
                c.Value.Key.Scope.Length == 0 ? null : c.Value.Key.Scope,
                [.. c.Key.Item1.Plans.Keys.Order()]))
            .ToList();
    }

    /// <summary>Moves the clock hand until it finds an entry not used since its last pass, and evicts it.</summary>
    private void EvictOne()
    {
        // Every entry is passed at most twice: once to clear its mark, once to evict it.
        for (var steps = 2 * _ring.Count; steps > 0; steps--)
        {
            var key = _ring.Dequeue();
            if (!_entries.TryGetValue(key, out var entry))
            {
                continue;
            }

            if (entry.Used && steps > 1)
            {
                entry.Used = false;
                _ring.Enqueue(key);
                continue;
            }

            _entries.TryRemove(key, out _);
            return;
        }
    }

    private readonly record struct Key(string Text, string OperationName, string Scope);

    private sealed class Entry(CompiledOperation operation)
    {
        public CompiledOperation Operation { get; set; } = operation;

        /// <summary>Keyed by the printed text rather than the text a client sent.</summary>
        public bool Normalised { get; init; }

        /// <summary>Set on every hit, cleared by the clock hand: the entry's second chance.</summary>
        public volatile bool Used;
    }
}
