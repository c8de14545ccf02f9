namespace ChildInfo.Audit.Records;

/// <summary>
/// A signed statement written by a retention run, in the same transaction as the redaction: the details of every
/// record up to <see cref="ThroughSequence"/> (whose hash was <see cref="ThroughHash"/>) written before
/// <see cref="RecordedBefore"/> were removed at <see cref="RedactedAt"/>. A record whose details are missing and
/// that no such statement covers had them removed by hand.
/// </summary>
public sealed record AuditRedaction(long ThroughSequence, string ThroughHash, DateTimeOffset RecordedBefore, DateTimeOffset RedactedAt, string KeyId, string Signature)
{
    /// <summary>Whether this run removed (or was entitled to remove) the details of <paramref name="record"/>.</summary>
    public bool Covers(AuditRecord record) => record.Sequence <= ThroughSequence && record.Time < RecordedBefore;
}
