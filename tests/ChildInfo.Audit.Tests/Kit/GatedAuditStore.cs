using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Tests.Kit;

/// <summary>
/// A real store whose appends can be held at the door: while <see cref="Hold"/> is set, an append waits (on its
/// caller's thread) until <see cref="Release"/>; <see cref="Held"/> says one is waiting. Lets a test see what arrives
/// while a transaction is in progress. Everything else goes straight to the store.
/// </summary>
public sealed class GatedAuditStore(IAuditStore inner) : IAuditStore, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly SemaphoreSlim _held = new(0);

    /// <summary>Threads of the appends made so far, in order.</summary>
    public List<int> AppendThreads { get; } = [];

    /// <summary>Entries in each append made so far, in order.</summary>
    public List<int> AppendSizes { get; } = [];

    public void Hold() => _open.Reset();

    public void Release() => _open.Set();

    /// <summary>Completes when an append is waiting at the door.</summary>
    public Task Held(CancellationToken cancellationToken) => _held.WaitAsync(cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default)
    {
        lock (AppendThreads)
        {
            AppendThreads.Add(Environment.CurrentManagedThreadId);
            AppendSizes.Add(entries.Count);
        }

        if (!_open.IsSet)
        {
            _held.Release();
            _open.Wait(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return inner.AppendAsync(entries, sealer, cancellationToken);
    }

    public void Dispose()
    {
        _open.Dispose();
        _held.Dispose();
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => inner.EnsureCreatedAsync(cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) => inner.ReadAsync(afterSequence, limit, cancellationToken);

    public Task<AuditRecord?> ReadLastAsync(CancellationToken cancellationToken = default) => inner.ReadLastAsync(cancellationToken);

    public Task<ChainHead?> ReadHeadAsync(CancellationToken cancellationToken = default) => inner.ReadHeadAsync(cancellationToken);

    public Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default) => inner.ReadCheckpointsAsync(cancellationToken);

    public Task<IReadOnlyList<AuditRedaction>> ReadRedactionsAsync(CancellationToken cancellationToken = default) => inner.ReadRedactionsAsync(cancellationToken);

    public IAsyncEnumerable<AuditChildIndexEntry> ReadChildIndexAsync(CancellationToken cancellationToken = default) => inner.ReadChildIndexAsync(cancellationToken);

    public Task<long> RebuildChildIndexAsync(CancellationToken cancellationToken = default) => inner.RebuildChildIndexAsync(cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadByChildAsync(string childId, DateTimeOffset since, CancellationToken cancellationToken = default) => inner.ReadByChildAsync(childId, since, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadForReviewAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) => inner.ReadForReviewAsync(afterSequence, limit, cancellationToken);

    public Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, AuditCheckpointSigner signer, CancellationToken cancellationToken = default) => inner.RedactAsync(recordedBefore, redactedAt, signer, cancellationToken);
}
