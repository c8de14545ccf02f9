using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Verification;

namespace ChildInfo.Audit;

/// <summary>
/// The gateway's audit log: one per chain per process. Each caller's task completes only when the transaction holding
/// its record has committed, and fails with <see cref="AuditWriteException"/> when it has not. One transaction is
/// written at a time: a caller that finds nothing being written and nothing waiting commits its own record on its own
/// thread; callers that arrive while a transaction is being written queue, and a writer thread takes whatever entries
/// are waiting (up to <see cref="AuditOptions.MaxBatchSize"/>) and appends them in one transaction (group commit).
/// </summary>
/// <remarks>
/// The writer is a thread of its own, not a thread-pool task: the commit waits for the disk (SQLite syncs its WAL
/// inside the call), and a thread-pool worker held there for every commit left a two-core gateway one worker short
/// for the requests, while waking workers for the writer's continuations kept the pool spinning. Its callers' tasks
/// complete on the thread pool (their continuations never run on the writer). A lone caller committing its own record
/// skips the two thread hand-offs the writer costs (wake the writer, wake the caller), which at one connection cost
/// more CPU than the commit itself; under load, arrivals meet a transaction in progress and queue for the writer.
/// With SQLite the lone commit is synchronous, so one thread appending in a loop commits each record alone; records
/// share a transaction when their callers run on different threads, as requests do.
/// </remarks>
public sealed class AuditLog : IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditSealer _sealer;
    private readonly AuditHeadFile? _headFile;
    private readonly int _maxBatch;
    private readonly object _gate = new(); // Monitor, for Wait and Pulse
    private readonly Queue<Pending> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completed;
    private bool _writerWaiting;
    private bool _writing; // a transaction is being written, by the writer thread or by a lone caller

    public AuditLog(IAuditStore store, AuditOptions options, TimeProvider time)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _store = store;
        Signer = new AuditCheckpointSigner(options.CheckpointKey, options.CheckpointKeyId);
        _headFile = options.HeadFile is { } headFile ? new AuditHeadFile(headFile, Signer, time) : null;
        _sealer = new AuditSealer(time, Signer, options.CheckpointInterval, _headFile);
        _maxBatch = options.MaxBatchSize;
        new Thread(Write) { IsBackground = true, Name = "Audit writer" }.Start();
    }

    internal AuditCheckpointSigner Signer { get; }

    /// <summary>Transactions committed so far; records appended divided by this is the mean group-commit size.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    private long _batches;

    /// <summary>Records appended but not yet committed (waiting, or in the transaction being written).</summary>
    public long QueueDepth => Interlocked.Read(ref _pending);

    private long _pending;

    /// <summary>
    /// Seals and stores the record of one request. Completes with the sealed record once it is durable; throws
    /// <see cref="AuditWriteException"/> when it could not be stored, in which case the request must get no data.
    /// Cancelling stops the wait, not the write: treat a cancelled append as not audited.
    /// </summary>
    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Pending? pending = null;
        lock (_gate)
        {
            if (_completed)
            {
                return Task.FromException<AuditRecord>(new AuditWriteException("The audit log is shut down; the request was not recorded."));
            }

            Interlocked.Increment(ref _pending);
            if (_writing || _queue.Count > 0)
            {
                pending = new Pending(entry);
                _queue.Enqueue(pending);
                // While a lone caller is writing, the writer is woken when it finishes, not now (a wake for nothing).
                if (_writerWaiting && !_writing)
                {
                    Monitor.Pulse(_gate);
                }
            }
            else
            {
                _writing = true;
            }
        }

        // A lone commit runs outside the lock: arrivals meanwhile must be able to queue.
        var committed = pending is null ? CommitAloneAsync(entry) : pending.Completion.Task;
        return cancellationToken.CanBeCanceled ? committed.WaitAsync(cancellationToken) : committed;
    }

    /// <summary>
    /// Commits one caller's record on the caller's own thread (nothing else is being written or waiting), then hands
    /// whatever queued meanwhile to the writer. The write itself is not cancelled, as a queued record's is not.
    /// </summary>
    private async Task<AuditRecord> CommitAloneAsync(AuditEntry entry)
    {
        try
        {
            var records = await CommitAsync([entry]).ConfigureAwait(false);
            return records[0];
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            lock (_gate)
            {
                _writing = false;
                // Only when something queued meanwhile: waking an idle writer for nothing, at every request, cost
                // two futex calls a request at one connection.
                if (_writerWaiting && (_queue.Count > 0 || _completed))
                {
                    Monitor.Pulse(_gate);
                }
            }
        }
    }

    /// <summary>
    /// Appends the entries in one transaction and moves the head file on; called by one writer at a time (the writer
    /// thread or a lone caller, under <see cref="_writing"/>). A refusal comes back as <see cref="AuditWriteException"/>.
    /// </summary>
    private async Task<IReadOnlyList<AuditRecord>> CommitAsync(IReadOnlyList<AuditEntry> entries)
    {
        try
        {
            var records = await _store.AppendAsync(entries, _sealer).ConfigureAwait(false);
            Interlocked.Increment(ref _batches);
            // The statement the store wrote into its head row (sealed in this append); the file may lag it, never lead it.
            if (_headFile is not null)
            {
                _headFile.Committed(_sealer.LastSealed is { } head && head.Sequence == records[^1].Sequence && head.RecordHash == records[^1].RecordHash
                    ? head
                    : Signer.SignHead(records[^1].Sequence, records[^1].RecordHash, records[^1].Time));
            }

            return records;
        }
        catch (Exception ex)
        {
            throw new AuditWriteException($"The audit store refused the record: {ex.Message}", ex);
        }
    }

    /// <summary>A verifier over this log's store with this log's checkpoint key and head file.</summary>
    public AuditVerifier CreateVerifier() => new(_store, Signer, _headFile?.Path);

    /// <summary>Stops taking entries and waits until everything queued has been written.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }
        await _stopped.Task.ConfigureAwait(false);
        _headFile?.Dispose();
    }

    private void Write()
    {
        var batch = new List<Pending>(Math.Min(_maxBatch, 1024));
        var entries = new List<AuditEntry>(batch.Capacity);
        try
        {
            while (Take(batch))
            {
                foreach (var pending in batch)
                {
                    entries.Add(pending.Entry);
                }

                try
                {
                    // Synchronous by design: SQLite's calls are synchronous anyway, and the other stores' I/O
                    // completes on the thread pool while this thread waits for it.
                    var records = CommitAsync(entries).GetAwaiter().GetResult();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(records[i]);
                    }
                }
                catch (AuditWriteException failure)
                {
                    foreach (var pending in batch)
                    {
                        pending.Completion.TrySetException(failure);
                    }
                }
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
                entries.Clear();
                lock (_gate)
                {
                    _writing = false;
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for entries and for no transaction being written, then moves up to the batch size of them into
    /// <paramref name="batch"/> and marks a transaction as being written; false once shut down and drained.
    /// </summary>
    private bool Take(List<Pending> batch)
    {
        lock (_gate)
        {
            while (_queue.Count == 0 || _writing)
            {
                if (_completed && _queue.Count == 0 && !_writing)
                {
                    return false;
                }

                _writerWaiting = true;
                Monitor.Wait(_gate);
                _writerWaiting = false;
            }
            while (batch.Count < _maxBatch && _queue.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }

            _writing = true;
            return true;
        }
    }

    private sealed class Pending(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;
        public TaskCompletionSource<AuditRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
