using System.Collections.Concurrent;
using System.Collections.Frozen;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The labels a disclosed field is recorded under: its classification in the served revision's policies when the
/// host has them, else the field coordinate itself. The lists are built once per policy set (and once per unclassified
/// coordinate), not per call: the walker asks for every field of every response.
/// </summary>
public sealed class AuditFieldLabels(GatewayState? state)
{
    /// <summary>Unclassified coordinates kept; beyond it (a schema that large) the list is made per call.</summary>
    private const int MaxUnclassified = 4096;

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _unclassified = new(StringComparer.Ordinal);
    private Classified? _classified;

    public IReadOnlyList<string> Of(string coordinate)
    {
        if (state?.Current.Policies?.Set is { } set && For(set).Labels.TryGetValue(coordinate, out var labels))
        {
            return labels;
        }

        if (_unclassified.TryGetValue(coordinate, out var own))
        {
            return own;
        }

        own = [coordinate];
        return _unclassified.Count < MaxUnclassified ? _unclassified.GetOrAdd(coordinate, own) : own;
    }

    private Classified For(PolicySet set)
    {
        var classified = Volatile.Read(ref _classified);
        if (classified is null || !ReferenceEquals(classified.Set, set))
        {
            classified = new Classified(set);
            Volatile.Write(ref _classified, classified);
        }

        return classified;
    }

    /// <summary>The classified coordinates of one policy set, each with its labels boxed once.</summary>
    private sealed class Classified(PolicySet set)
    {
        public PolicySet Set { get; } = set;

        public FrozenDictionary<string, IReadOnlyList<string>> Labels { get; } = set.Classifications
            .Where(c => c.Value.Length > 0)
            .ToFrozenDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, set.Classifications.Comparer);
    }
}
