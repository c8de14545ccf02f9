using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>Records sealed onto a chain head, in order, with the checkpoints that fall among them.</summary>
public sealed record SealedBatch(IReadOnlyList<AuditRecord> Records, IReadOnlyList<AuditCheckpoint> Checkpoints)
{
    public ChainHead NewHead => Records.Count == 0 ? throw new InvalidOperationException("Empty batch.") : new(Records[^1].Sequence, Records[^1].RecordHash);
}
