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
    /// <summary>Creates the tables if they are missing; harmless when they exist.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: locks the chain head, seals <paramref name="entries"/> on top of it with
    /// <paramref name="sealer"/>, writes the records, their child index and any checkpoints, and commits.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> records with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint, in order.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that touched a child, at or after <paramref name="since"/>, in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadByChildAsync(string childId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Break-glass accesses and preference overrides with a sequence above <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadForReviewAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes the payload of records written before <paramref name="recordedBefore"/>; returns how many.</summary>
    Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, CancellationToken cancellationToken = default);
}
