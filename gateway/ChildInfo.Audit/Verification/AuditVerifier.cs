using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Verification;

/// <summary>
/// Walks the chain from the first record and reports the first broken link. Per record, in order: is its sequence
/// the next one (else a record is missing); do its details match their digest; does its header match its hash (if
/// not, and it matches under a later record's number, records were swapped); does it name its predecessor's hash;
/// does a checkpoint at its number carry a genuine signature and its hash. At the end, a genuine checkpoint beyond
/// the last record means records were cut from the end. Rewriting records after the last checkpoint and re-hashing
/// everything from there on is not detectable without the checkpoint key's help: keep the interval short enough.
/// </summary>
public sealed class AuditVerifier(IAuditStore store, AuditCheckpointSigner signer)
{
    private const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var checkpoints = (await store.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Sequence);
        var previousHash = AuditHashes.Genesis;
        long expected = 1, checkedCount = 0, redacted = 0;
        var checkpointsChecked = 0;
        while (true)
        {
            var page = await store.ReadAsync(expected - 1, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
                break;
            for (var i = 0; i < page.Count; i++)
            {
                var record = page[i];
                var broken = Check(record, expected, previousHash, page, i);
                if (broken is null && checkpoints.TryGetValue(record.Sequence, out var checkpoint))
                {
                    broken = Check(checkpoint, record);
                    checkpointsChecked += broken is null ? 1 : 0;
                }
                if (broken is not null)
                    return new AuditVerification(checkedCount, checkpointsChecked, redacted, broken);
                checkedCount++;
                redacted += record.IsRedacted ? 1 : 0;
                previousHash = record.RecordHash;
                expected++;
            }
        }

        var last = expected - 1;
        var beyond = checkpoints.Values.Where(c => c.Sequence > last && signer.IsGenuine(c)).OrderBy(c => c.Sequence).FirstOrDefault();
        if (beyond is not null)
            return new AuditVerification(checkedCount, checkpointsChecked, redacted, new AuditChainBreak(last + 1, AuditBreakKind.TruncatedLog,
                $"The log ends at record {last}, but a signed checkpoint vouches that record {beyond.Sequence} existed: records {last + 1} to {beyond.Sequence} at least were removed from the end."));
        return new AuditVerification(checkedCount, checkpointsChecked, redacted, null);
    }

    private static AuditChainBreak? Check(AuditRecord record, long expected, string previousHash, IReadOnlyList<AuditRecord> page, int index)
    {
        if (record.Sequence != expected)
            return new AuditChainBreak(expected, AuditBreakKind.MissingRecord, record.Sequence == expected + 1
                ? $"Record {expected} is missing: the log goes from record {expected - 1} straight to record {record.Sequence}."
                : $"Records {expected} to {record.Sequence - 1} are missing: the log goes from record {expected - 1} straight to record {record.Sequence}.");

        if (record.PayloadJson is { } payload && AuditHashes.Sha256(payload) != record.PayloadDigest)
            return new AuditChainBreak(record.Sequence, AuditBreakKind.AlteredRecord,
                $"The details of record {record.Sequence} (the justification, the operation, or what was shown or withheld) were changed after it was written.");

        if (AuditCanonicalForm.RecordHash(record) != record.RecordHash)
        {
            for (var j = index + 1; j < page.Count; j++)
            {
                if (AuditCanonicalForm.RecordHash(record with { Sequence = page[j].Sequence }) == record.RecordHash)
                    return new AuditChainBreak(record.Sequence, AuditBreakKind.ReorderedRecords,
                        $"Record {record.Sequence} is out of place: it was written as record {page[j].Sequence}. Records {record.Sequence} and {page[j].Sequence} have been swapped or moved.");
            }
            return new AuditChainBreak(record.Sequence, AuditBreakKind.AlteredRecord,
                $"Record {record.Sequence} was changed after it was written: who, when, why or what it says no longer matches its hash.");
        }

        if (record.PreviousHash != previousHash)
            return new AuditChainBreak(record.Sequence, AuditBreakKind.BrokenLink, record.Sequence == 1
                ? "Record 1 does not start the chain: the log's beginning was replaced."
                : $"Record {record.Sequence} does not follow record {record.Sequence - 1}: record {record.Sequence - 1} was rewritten (and re-hashed) after record {record.Sequence} was written.");
        return null;
    }

    private AuditChainBreak? Check(AuditCheckpoint checkpoint, AuditRecord record)
    {
        if (!signer.IsGenuine(checkpoint))
            return new AuditChainBreak(record.Sequence, AuditBreakKind.BadCheckpointSignature,
                $"The signed checkpoint at record {record.Sequence} is not genuine: its signature does not match (it was altered, forged, or signed with key '{checkpoint.KeyId}', which is not the configured key).");
        if (checkpoint.RecordHash != record.RecordHash)
            return new AuditChainBreak(record.Sequence, AuditBreakKind.CheckpointMismatch,
                $"Record {record.Sequence} is not the record the signed checkpoint vouched for: the log up to this point was rebuilt after the checkpoint was signed.");
        return null;
    }
}
