using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Signs and checks the audit's signed statements with HMAC-SHA256, each kind over its own text so that no
/// signature can be passed off as another kind:
/// checkpoints over <c>childinfo-audit-checkpoint/1|{sequence}|{record hash}|{time}|{key id}</c>, chain heads over
/// <c>childinfo-audit-head/1|{sequence}|{record hash}|{time}|{key id}</c>, and retention statements over
/// <c>childinfo-audit-redaction/1|{through sequence}|{its hash}|{recorded before}|{redacted at}|{key id}</c>.
/// The key comes from configuration and is never stored with the log.
/// </summary>
public sealed class AuditCheckpointSigner
{
    private readonly byte[] _key;

    public AuditCheckpointSigner(byte[] key, string keyId)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The checkpoint key must be at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
        KeyId = keyId;
    }

    public string KeyId { get; }

    public AuditCheckpoint Sign(long sequence, string recordHash, DateTimeOffset time) =>
        new(sequence, recordHash, time, KeyId, Signature("checkpoint", sequence, recordHash, time, KeyId));

    public bool IsGenuine(AuditCheckpoint checkpoint) =>
        checkpoint.KeyId == KeyId &&
        AuditHashes.EqualsFixedTime(checkpoint.Signature, Signature("checkpoint", checkpoint.Sequence, checkpoint.RecordHash, checkpoint.Time, checkpoint.KeyId));

    public AuditHead SignHead(long sequence, string recordHash, DateTimeOffset time) =>
        new(sequence, recordHash, time, KeyId, Signature("head", sequence, recordHash, time, KeyId));

    public bool IsGenuine(AuditHead head) =>
        head.KeyId == KeyId &&
        AuditHashes.EqualsFixedTime(head.Signature, Signature("head", head.Sequence, head.RecordHash, head.Time, head.KeyId));

    public AuditRedaction SignRedaction(long throughSequence, string throughHash, DateTimeOffset recordedBefore, DateTimeOffset redactedAt) =>
        new(throughSequence, throughHash, recordedBefore, redactedAt, KeyId, RedactionSignature(throughSequence, throughHash, recordedBefore, redactedAt, KeyId));

    public bool IsGenuine(AuditRedaction redaction) =>
        redaction.KeyId == KeyId &&
        AuditHashes.EqualsFixedTime(redaction.Signature, RedactionSignature(redaction.ThroughSequence, redaction.ThroughHash, redaction.RecordedBefore, redaction.RedactedAt, redaction.KeyId));

    /// <summary>Why a statement under <paramref name="keyId"/> did not check out, in words for the reader of a verification.</summary>
    public string WhyNotGenuine(string keyId) => keyId == KeyId
        ? "its signature does not match the configured key: it was altered or forged, or the key was replaced"
        : $"it is signed with key '{keyId}', not the configured key '{KeyId}'";

    private string Signature(string kind, long sequence, string recordHash, DateTimeOffset time, string keyId) =>
        Mac(string.Create(CultureInfo.InvariantCulture,
            $"childinfo-audit-{kind}/1|{sequence}|{recordHash}|{AuditCanonicalForm.FormatTime(time)}|{keyId}"));

    private string RedactionSignature(long throughSequence, string throughHash, DateTimeOffset recordedBefore, DateTimeOffset redactedAt, string keyId) =>
        Mac(string.Create(CultureInfo.InvariantCulture,
            $"childinfo-audit-redaction/1|{throughSequence}|{throughHash}|{AuditCanonicalForm.FormatTime(recordedBefore)}|{AuditCanonicalForm.FormatTime(redactedAt)}|{keyId}"));

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}
