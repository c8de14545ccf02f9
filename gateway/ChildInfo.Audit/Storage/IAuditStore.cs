using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// Where the audit chain lives. Appends are atomic and durable when the returned task completes, and serialised by
/// the database itself (a lock on the chain head, unique sequence and predecessor), so several gateway replicas
/// sharing one database still write one linear chain.
/// </summary>
public interface IAuditStore
{
    /// <summary>Creates the tables if they are missing, and adds columns that earlier versions lacked; harmless when they exist.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: locks the chain head, seals <paramref name="entries"/> on top of it with
    /// <paramref name="sealer"/> (which may refuse the head), writes the records, their child index and any
    /// checkpoints, moves the head row to the batch's signed head, and commits.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> records with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The record with the highest sequence, or null when there is none.</summary>
    Task<AuditRecord?> ReadLastAsync(CancellationToken cancellationToken = default);

    /// <summary>The chain head row, with its signature when it has one; null when the row is missing.</summary>
    Task<ChainHead?> ReadHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint, in order.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every retention statement, in order of the records they reach.</summary>
    Task<IReadOnlyList<AuditRedaction>> ReadRedactionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The children's index (what a child's report reads), ordered by sequence, streamed.</summary>
    IAsyncEnumerable<AuditChildIndexEntry> ReadChildIndexAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the children's index, under the append lock, with the children each record's sealed header names;
    /// returns how many rows it wrote. Only for a chain that verifies: the headers are what it trusts.
    /// </summary>
    Task<long> RebuildChildIndexAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that touched a child, at or after <paramref name="since"/>, in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadByChildAsync(string childId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Break-glass accesses and preference overrides with a sequence above <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadForReviewAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: removes the payload of records written before <paramref name="recordedBefore"/> and stores
    /// a retention statement signed with <paramref name="signer"/> that covers exactly them; returns how many.
    /// </summary>
    Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, AuditCheckpointSigner signer, CancellationToken cancellationToken = default);
}
