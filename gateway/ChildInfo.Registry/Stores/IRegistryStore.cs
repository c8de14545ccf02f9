using System.Collections.Immutable;

namespace ChildInfo.Registry;

/// <summary>
/// Where the subgraph registry lives. Every change is a compare-and-set on the revision, so two system owners (or
/// two replicas) changing the registry at once cannot silently overwrite each other: the loser re-reads and retries.
/// </summary>
public interface IRegistryStore : IAsyncDisposable
{
    /// <summary>Where the registry is kept, for logs and the admin API, e.g. "file /data/registry.json".</summary>
    string Description { get; }

    /// <summary>The registry as last written; <see cref="RegistrySnapshot.Empty"/> when nothing was ever written.</summary>
    /// <exception cref="RegistryStoreException">The store cannot be reached or holds something that is not a registry.</exception>
    Task<RegistrySnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="subgraphs"/> as revision <paramref name="expectedRevision"/> + 1 only when the stored
    /// revision is still <paramref name="expectedRevision"/>. Returns the new snapshot, or null when someone else wrote
    /// first. The write is all or nothing: a reader sees the old registry or the new one, never a mixture.
    /// </summary>
    /// <exception cref="ArgumentException">Two subgraphs share a name.</exception>
    /// <exception cref="RegistryStoreException">The store cannot be reached; the write may or may not have happened, so re-read.</exception>
    Task<RegistrySnapshot?> TryWriteAsync(long expectedRevision, ImmutableArray<SubgraphEntry> subgraphs, CancellationToken cancellationToken);

    /// <summary>
    /// Raised after any writer changed the registry, and with <see cref="RegistryChangeKind.Reconnected"/> after a lost
    /// connection is restored, so followers re-read. Handlers run on the store's thread and must not block; an
    /// exception from a handler is dropped so that it cannot make a committed write look failed.
    /// </summary>
    event EventHandler<RegistryChanged>? Changed;
}
