using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Audit.Tests.Log;

/// <summary>
/// Who commits: an entry that finds the log idle is committed by its caller, in a transaction of its own; entries that
/// arrive while a commit is under way queue for the writer, which gathers them into one transaction after it.
/// </summary>
public sealed class AuditLogCommitTests : IDisposable
{
    private readonly ChildInfo.Testing.TempFolder _temp = ChildInfo.Testing.TempFolder.Create("childinfo-audit-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Append_ToAnIdleLog_IsCommittedAndInTheHeadFile_BeforeTheCallReturns()
    {
        var path = _temp.Combine("audit.db");
        var store = new SqliteAuditStore(path);
        await store.EnsureCreatedAsync();
        await using var log = new AuditLog(store, Entries.Options(headFile: _temp.Combine("audit.head")), TimeProvider.System);

        var appended = log.AppendAsync(Entries.Ordinary(1));

        // Completed by the call itself: nothing was handed to the writer thread.
        Assert.True(appended.IsCompletedSuccessfully);
        await using (var other = new SqliteConnection($"Data Source={path}"))
        {
            Assert.Equal("req-1", await other.ExecuteScalarAsync<string>("SELECT request_id FROM audit_record WHERE sequence = 1"));
        }

        Assert.Equal(1, log.BatchesWritten);
        Assert.Equal(0, log.QueueDepth);
        var check = await log.CreateVerifier().VerifyAsync();
        Assert.True(check.IsIntact, check.Summary);
        Assert.Equal(1, check.HeadSequence);
    }

    [Fact]
    public async Task Appends_DuringACallersCommit_QueueForTheWriter_WhichCommitsThemTogetherAfterIt()
    {
        var store = new GatedStore(new SqliteAuditStore(_temp.Combine("audit.db")));
        await store.EnsureCreatedAsync();
        await using var log = new AuditLog(store, Entries.Options(), TimeProvider.System);

        var first = log.AppendAsync(Entries.Ordinary(1));
        var queued = Enumerable.Range(2, 10).Select(i => log.AppendAsync(Entries.Ordinary(i))).ToList();
        Assert.False(first.IsCompleted);
        Assert.Equal(11, log.QueueDepth);
        store.Open();
        var records = await Task.WhenAll([first, .. queued]);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"req-{i}"), records.Select(r => r.RequestId));
        Assert.Equal(2, log.BatchesWritten);
        var check = await log.CreateVerifier().VerifyAsync();
        Assert.True(check.IsIntact, check.Summary);
        Assert.Equal(11, check.RecordsChecked);
    }

    [Fact]
    public async Task Dispose_WhileACallerCommits_WaitsForThatCommit()
    {
        var store = new GatedStore(new SqliteAuditStore(_temp.Combine("audit.db")));
        await store.EnsureCreatedAsync();
        var log = new AuditLog(store, Entries.Options(headFile: _temp.Combine("audit.head")), TimeProvider.System);

        var appended = log.AppendAsync(Entries.Ordinary(1));
        var disposed = log.DisposeAsync().AsTask();
        Assert.False(disposed.IsCompleted);
        await Assert.ThrowsAsync<AuditWriteException>(() => log.AppendAsync(Entries.Ordinary(2)));
        store.Open();
        await disposed;

        Assert.True(appended.IsCompletedSuccessfully);
        Assert.Equal(1, (await store.ReadLastAsync())!.Sequence);
    }

    /// <summary>The SQLite store, with appends held until <see cref="Open"/>: a commit kept under way for as long as a test needs.</summary>
    private sealed class GatedStore(SqliteAuditStore inner) : IAuditStore
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public async Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default)
        {
            await _open.Task;
            return await inner.AppendAsync(entries, sealer, cancellationToken);
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

        public Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, AuditCheckpointSigner signer, CancellationToken cancellationToken = default) =>
            inner.RedactAsync(recordedBefore, redactedAt, signer, cancellationToken);
    }
}
