using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Records sealed onto a chain head, in order, with the checkpoints that fall among them and the signed head the
/// store writes into its head row in the same transaction.
/// </summary>
public sealed record SealedBatch(IReadOnlyList<AuditRecord> Records, IReadOnlyList<AuditCheckpoint> Checkpoints, AuditHead Head);
