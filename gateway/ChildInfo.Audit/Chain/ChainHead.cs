using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// The last record of the chain as the store's head row names it, with the head's signature when the row carries
/// one (a new store's starting row, and a row written before heads were signed, carry none).
/// </summary>
public sealed record ChainHead(long Sequence, string RecordHash)
{
    public static readonly ChainHead Empty = new(0, AuditHashes.Genesis);

    /// <summary>The signed head the row holds, or null when it holds no signature.</summary>
    public AuditHead? Signed { get; init; }

    /// <summary>The head row as stored: a signature is read only when all three of its columns are present.</summary>
    public static ChainHead FromRow(long sequence, string recordHash, string? signedAt, string? keyId, string? signature) =>
        new(sequence, recordHash)
        {
            Signed = signedAt is null || keyId is null || signature is null
                ? null
                : new AuditHead(sequence, recordHash, AuditCanonicalForm.ParseTime(signedAt), keyId, signature),
        };
}
