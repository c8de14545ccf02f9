namespace ChildInfo.Audit.Records;

/// <summary>
/// A signed statement that the chain ended at <see cref="Sequence"/> with <see cref="RecordHash"/> when it was
/// signed. Written with every commit into the chain's head row (in the same transaction) and into the head file
/// (after the commit), so that records cut from the end, or a chain rolled back, no longer match the last head
/// the gateway signed. Someone without the key cannot make one.
/// </summary>
public sealed record AuditHead(long Sequence, string RecordHash, DateTimeOffset Time, string KeyId, string Signature);
