namespace ChildInfo.Audit.Records;

/// <summary>
/// A signed statement that the chain, up to and including <see cref="Sequence"/>, ended in <see cref="RecordHash"/>.
/// Someone who rewrites the whole chain after a point cannot forge these without the key.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string RecordHash, DateTimeOffset Time, string KeyId, string Signature);
