namespace ChildInfo.Audit.Chain;

/// <summary>The last record of the chain as the store sees it inside its append transaction.</summary>
public sealed record ChainHead(long Sequence, string RecordHash)
{
    public static readonly ChainHead Empty = new(0, AuditHashes.Genesis);
}
