using System.Collections.Immutable;

namespace ChildInfo.Registry;

/// <summary>
/// The whole registry at one revision. Revision 0 is the empty registry that was never written; every successful
/// write adds exactly one, so replicas can tell which of two snapshots is newer. Subgraphs are ordered by name
/// (ordinal), so two replicas at the same revision compose from the same input in the same order.
/// </summary>
public sealed record RegistrySnapshot(long Revision, ImmutableArray<SubgraphEntry> Subgraphs)
{
    /// <summary>The registry before anything was written.</summary>
    public static RegistrySnapshot Empty { get; } = new(0, []);

    /// <summary>The subgraph with this exact name, or null.</summary>
    public SubgraphEntry? Find(string name)
    {
        foreach (var entry in Subgraphs)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry;
            }
        }
        return null;
    }

    /// <summary>The subgraphs with <paramref name="entry"/> added, or replacing the one of the same name: the input to a write.</summary>
    public ImmutableArray<SubgraphEntry> With(SubgraphEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Order(Subgraphs.Where(s => !string.Equals(s.Name, entry.Name, StringComparison.Ordinal)).Append(entry));
    }

    /// <summary>The subgraphs without the one named <paramref name="name"/> (unchanged when there is none).</summary>
    public ImmutableArray<SubgraphEntry> Without(string name) =>
        Subgraphs.RemoveAll(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Orders subgraphs by name and refuses duplicates: what every store does before writing.</summary>
    /// <exception cref="ArgumentException">Two entries share a name.</exception>
    public static ImmutableArray<SubgraphEntry> Order(IEnumerable<SubgraphEntry> subgraphs)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var ordered = subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal).ToImmutableArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (string.Equals(ordered[i - 1].Name, ordered[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Subgraph '{ordered[i].Name}' appears twice; a registry holds one entry per name.", nameof(subgraphs));
            }
        }
        return ordered;
    }
}
