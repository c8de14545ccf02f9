using System.Threading.Channels;
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
public sealed class AuditLog : IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditSealer _sealer;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AuditLog(IAuditStore store, AuditOptions options, TimeProvider time)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        _store = store;
        Signer = new AuditCheckpointSigner(options.CheckpointKey, options.CheckpointKeyId);
        _sealer = new AuditSealer(time, Signer, options.CheckpointInterval);
        _maxBatch = options.MaxBatchSize;
        _writer = Task.Run(WriteAsync);
    }

    internal AuditCheckpointSigner Signer { get; }

    /// <summary>Transactions committed so far; records appended divided by this is the mean group-commit size.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    private long _batches;

    /// <summary>
    /// Seals and stores the record of one request. Completes with the sealed record once it is durable; throws
    /// <see cref="AuditWriteException"/> when it could not be stored, in which case the request must get no data.
    /// Cancelling stops the wait, not the write: treat a cancelled append as not audited.
    /// </summary>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry);
        if (!_queue.Writer.TryWrite(pending))
            throw new AuditWriteException("The audit log is shut down; the request was not recorded.");
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A verifier over this log's store with this log's checkpoint key.</summary>
    public AuditVerifier CreateVerifier() => new(_store, Signer);

    /// <summary>Stops taking entries and waits until everything queued has been written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                var records = await _store.AppendAsync([.. batch.Select(p => p.Entry)], _sealer).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Completion.TrySetResult(records[i]);
            }
            catch (Exception ex)
            {
                var failure = new AuditWriteException($"The audit store refused the record: {ex.Message}", ex);
                foreach (var pending in batch)
                    pending.Completion.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    private sealed class Pending(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;
        public TaskCompletionSource<AuditRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
