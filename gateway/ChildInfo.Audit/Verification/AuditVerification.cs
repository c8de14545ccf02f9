namespace ChildInfo.Audit.Verification;

/// <summary>The result of walking the chain: intact, or the first broken link.</summary>
public sealed record AuditVerification(long RecordsChecked, int CheckpointsChecked, long RedactedRecords, AuditChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;

    public string Summary => FirstBreak is { } broken
        ? $"The audit log is broken at record {broken.Sequence}: {broken.Explanation}"
        : $"The audit log is intact: {RecordsChecked} records checked ({RedactedRecords} with details removed under retention), {CheckpointsChecked} signed checkpoints confirmed.";
}
