using System.Collections.Concurrent;
using ChildInfo.Federation.Operations;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Compiled operations (and their plans) by operation text, operation name and the caller's scope key. Looked up
/// first by the exact text, then by the normalised text, so reformatted copies of one operation share a plan.
/// </summary>
internal sealed class PlanCache
{
    private readonly ConcurrentDictionary<Key, CompiledOperation> _entries = new();
    private readonly int _capacity;

    public PlanCache(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    public int Count => _entries.Count;

    public bool TryGet(string text, string? operationName, string? scope, out CompiledOperation operation) =>
        _entries.TryGetValue(new Key(text, operationName ?? string.Empty, scope ?? string.Empty), out operation!);

    public void Add(string text, string? operationName, string? scope, CompiledOperation operation)
    {
        if (_entries.Count >= _capacity)
        {
            // Simple bound: start again rather than grow without limit. Operations in use come back on their next request.
            _entries.Clear();
        }

        _entries[new Key(text, operationName ?? string.Empty, scope ?? string.Empty)] = operation;
    }

    private readonly record struct Key(string Text, string OperationName, string Scope);
}
