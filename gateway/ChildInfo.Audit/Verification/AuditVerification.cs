namespace ChildInfo.Audit.Verification;

/// <summary>
/// The result of walking the chain: intact, or the first broken link. <see cref="HeadSequence"/> is the record the
/// signed head vouched for, and <see cref="HeadFileChecked"/> says whether a head file outside the database was
/// checked as well.
/// </summary>
public sealed record AuditVerification(long RecordsChecked, int CheckpointsChecked, long RedactedRecords, AuditChainBreak? FirstBreak)
{
    public long HeadSequence { get; init; }

    public bool HeadFileChecked { get; init; }

    public bool IsIntact => FirstBreak is null;

    public string Summary => FirstBreak is { } broken
        ? broken.Kind is AuditBreakKind.HeadMissing or AuditBreakKind.BadHeadSignature
            ? $"The audit log's signed head fails its check (the log has {broken.Sequence - 1} records): {broken.Explanation}"
            : $"The audit log is broken at record {broken.Sequence}: {broken.Explanation}"
        : $"The audit log is intact: {RecordsChecked} records checked ({RedactedRecords} with details removed under retention), {CheckpointsChecked} signed checkpoints confirmed, " +
          (HeadSequence == 0 ? "nothing written yet." : $"signed head at record {HeadSequence} confirmed{(HeadFileChecked ? " in the database and in the head file" : " in the database")}.");
}
