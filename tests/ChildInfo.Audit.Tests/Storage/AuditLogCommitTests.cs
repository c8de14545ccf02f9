using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Audit.Tests.Storage;

/// <summary>
/// Who writes a transaction: a lone caller commits its own record on its own thread; callers that arrive while a
/// transaction is being written queue and are committed together by the writer thread; shutting down waits for both.
/// </summary>
public sealed class AuditLogCommitTests : IDisposable
{
    private readonly ChildInfo.Testing.TempFolder _temp = ChildInfo.Testing.TempFolder.Create("childinfo-audit-commit-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private async Task<GatedAuditStore> NewStoreAsync()
    {
        var store = new GatedAuditStore(new SqliteAuditStore(_temp.Combine($"audit-{Guid.NewGuid():N}.db")));
        await store.EnsureCreatedAsync();
        return store;
    }

    [Fact]
    public async Task Append_Alone_IsCommittedOnTheCallersThread_BeforeItReturns()
    {
        using var store = await NewStoreAsync();
        await using var log = new AuditLog(store, Entries.Options(), TimeProvider.System);

        for (var i = 1; i <= 3; i++)
        {
            var thread = Environment.CurrentManagedThreadId;
            var append = log.AppendAsync(Entries.Ordinary(i));

            // SQLite's calls are synchronous: the record is durable by the time the call returns, on this thread.
            Assert.True(append.IsCompletedSuccessfully);
            Assert.Equal(i, (await append).Sequence);
            Assert.Equal(thread, store.AppendThreads[^1]);
        }

        Assert.Equal(3, log.BatchesWritten);
        Assert.Equal(0, log.QueueDepth);
        Assert.True((await log.CreateVerifier().VerifyAsync(TestContext.Current.CancellationToken)).IsIntact);
    }

    [Fact]
    public async Task Appends_WhileATransactionIsBeingWritten_QueueAndAreCommittedTogether_AfterIt()
    {
        using var store = await NewStoreAsync();
        await using var log = new AuditLog(store, Entries.Options(), TimeProvider.System);
        store.Hold();

        var first = Task.Run(() => log.AppendAsync(Entries.Ordinary(1)), TestContext.Current.CancellationToken);
        await store.Held(TestContext.Current.CancellationToken);
        var queued = Enumerable.Range(2, 10).Select(i => log.AppendAsync(Entries.Ordinary(i))).ToList();

        // Nothing queued is written while the first transaction is in progress.
        Assert.All(queued, t => Assert.False(t.IsCompleted));
        Assert.Equal(11, log.QueueDepth);
        store.Release();
        var records = await Task.WhenAll(queued.Prepend(first));

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), records.Select(r => r.Sequence).Order());
        Assert.Equal(1, records[0].Sequence);
        Assert.Equal([1, 10], store.AppendSizes);
        Assert.Equal(2, log.BatchesWritten);
        Assert.Equal(0, log.QueueDepth);
        Assert.True((await log.CreateVerifier().VerifyAsync(TestContext.Current.CancellationToken)).IsIntact);
    }

    [Fact]
    public async Task Dispose_WhileALoneCallerIsCommitting_WaitsForItAndForWhatQueuedBehindIt()
    {
        using var store = await NewStoreAsync();
        var log = new AuditLog(store, Entries.Options(), TimeProvider.System);
        store.Hold();
        var first = Task.Run(() => log.AppendAsync(Entries.Ordinary(1)), TestContext.Current.CancellationToken);
        await store.Held(TestContext.Current.CancellationToken);
        var second = log.AppendAsync(Entries.Ordinary(2));

        var disposing = log.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        await Assert.ThrowsAsync<AuditWriteException>(() => log.AppendAsync(Entries.Ordinary(3)));
        store.Release();
        await disposing;

        Assert.Equal(1, (await first).Sequence);
        Assert.Equal(2, (await second).Sequence);
        Assert.Equal(2, (await store.ReadAsync(0, 10, TestContext.Current.CancellationToken)).Count);
    }
}
