using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Signs and checks checkpoints with HMAC-SHA256 over
/// <c>childinfo-audit-checkpoint/1|{sequence}|{record hash}|{time}|{key id}</c>. The key comes from configuration and
/// is never stored with the log.
/// </summary>
public sealed class AuditCheckpointSigner
{
    private readonly byte[] _key;

    public AuditCheckpointSigner(byte[] key, string keyId)
    {
        if (key.Length < 32)
            throw new ArgumentException("The checkpoint key must be at least 32 bytes.", nameof(key));
        _key = [.. key];
        KeyId = keyId;
    }

    public string KeyId { get; }

    public AuditCheckpoint Sign(long sequence, string recordHash, DateTimeOffset time) =>
        new(sequence, recordHash, time, KeyId, Signature(sequence, recordHash, time, KeyId));

    public bool IsGenuine(AuditCheckpoint checkpoint) =>
        checkpoint.KeyId == KeyId &&
        AuditHashes.EqualsFixedTime(checkpoint.Signature, Signature(checkpoint.Sequence, checkpoint.RecordHash, checkpoint.Time, checkpoint.KeyId));

    private string Signature(long sequence, string recordHash, DateTimeOffset time, string keyId)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"childinfo-audit-checkpoint/1|{sequence}|{recordHash}|{AuditCanonicalForm.FormatTime(time)}|{keyId}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
