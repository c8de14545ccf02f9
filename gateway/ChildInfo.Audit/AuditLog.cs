using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Verification;

namespace ChildInfo.Audit;

/// <summary>
/// The gateway's audit log: one per chain per process. <see cref="AppendAsync"/> queues an entry for a single writer
/// that takes whatever entries are waiting (up to <see cref="AuditOptions.MaxBatchSize"/>) and appends them in one
/// transaction (group commit); each caller's task completes only when the transaction holding its record has
/// committed, and fails with <see cref="AuditWriteException"/> when it has not.
/// </summary>
/// <remarks>
/// The writer is a thread of its own, not a thread-pool task: the commit waits for the disk (SQLite syncs its WAL
/// inside the call), and a thread-pool worker held there for every commit left a two-core gateway one worker short
/// for the requests, while waking workers for the writer's continuations kept the pool spinning. Callers' tasks
/// still complete on the thread pool (their continuations never run on the writer).
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
        var pending = new Pending(entry);
        lock (_gate)
        {
            if (_completed)
            {
                return Task.FromException<AuditRecord>(new AuditWriteException("The audit log is shut down; the request was not recorded."));
            }

            _queue.Enqueue(pending);
            Interlocked.Increment(ref _pending);
            if (_writerWaiting)
            {
                Monitor.Pulse(_gate);
            }
        }
        return cancellationToken.CanBeCanceled ? pending.Completion.Task.WaitAsync(cancellationToken) : pending.Completion.Task;
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
                    var records = _store.AppendAsync(entries, _sealer).GetAwaiter().GetResult();
                    Interlocked.Increment(ref _batches);
                    // The statement the store wrote into its head row (sealed in this append); the file may lag it, never lead it.
                    if (_headFile is not null)
                    {
                        _headFile.Committed(_sealer.LastSealed is { } head && head.Sequence == records[^1].Sequence && head.RecordHash == records[^1].RecordHash
                            ? head
                            : Signer.SignHead(records[^1].Sequence, records[^1].RecordHash, records[^1].Time));
                    }

                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(records[i]);
                    }
                }
                catch (Exception ex)
                {
                    var failure = new AuditWriteException($"The audit store refused the record: {ex.Message}", ex);
                    foreach (var pending in batch)
                    {
                        pending.Completion.TrySetException(failure);
                    }
                }
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
                entries.Clear();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Waits for entries and moves up to the batch size of them into <paramref name="batch"/>; false once shut down and drained.</summary>
    private bool Take(List<Pending> batch)
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_completed)
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

            return true;
        }
    }

    private sealed class Pending(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;
        public TaskCompletionSource<AuditRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
