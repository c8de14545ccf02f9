using System.Collections.Concurrent;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Turns entries into chained records on top of a head read under the store's append lock: numbers them, stamps the
/// time, digests the payload, links each to its predecessor, signs a checkpoint every N records and signs the new
/// head. Called by a store inside its append transaction, so time and sequence rise together along the chain.
/// </summary>
/// <remarks>
/// Before sealing it checks the head it is given: a head row whose signature is not this key's, or a chain that
/// does not reach the head in <paramref name="headFile"/>, is refused (the store then rolls back), because
/// appending would bury the evidence that the end of the chain was tampered with.
/// </remarks>
public sealed class AuditSealer(TimeProvider time, AuditCheckpointSigner signer, int checkpointInterval, AuditHeadFile? headFile = null)
{
    /// <summary>Operation texts seen lately, normalised and hashed once: a gateway's clients send few distinct texts.</summary>
    private readonly ConcurrentDictionary<string, (string Text, string Hash)> _operations = new(StringComparer.Ordinal);

    private const int OperationsKept = 256;

    public SealedBatch Seal(ChainHead head, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("Nothing to seal.", nameof(entries));
        }
        // A head row equal to the head this sealer signed last needs no second look (one HMAC less per commit).
        if (head.Signed is { } signed && signed != LastSealed && !signer.IsGenuine(signed))
        {
            throw new InvalidOperationException(
                $"The chain head in the audit store (record {head.Sequence}) is not one this gateway signed: {signer.WhyNotGenuine(signed.KeyId)}. " +
                "Nothing is appended to a chain whose end cannot be trusted (childinfo audit verify).");
        }

        headFile?.Check(head);

        var now = time.GetUtcNow();
        var records = new List<AuditRecord>(entries.Count);
        var checkpoints = new List<AuditCheckpoint>();
        var previous = head;
        foreach (var entry in entries)
        {
            var record = Seal(previous, entry, now);
            records.Add(record);
            if (record.Sequence % checkpointInterval == 0)
            {
                checkpoints.Add(signer.Sign(record.Sequence, record.RecordHash, now));
            }

            previous = new ChainHead(record.Sequence, record.RecordHash);
        }
        LastSealed = signer.SignHead(previous.Sequence, previous.RecordHash, now);
        return new SealedBatch(records, checkpoints, LastSealed);
    }

    /// <summary>The signed head of the last batch sealed: once its append has committed, the head the head file gets.</summary>
    internal AuditHead? LastSealed { get; private set; }

    private AuditRecord Seal(ChainHead previous, AuditEntry entry, DateTimeOffset now)
    {
        var (operation, operationHash) = Operation(entry.OperationText);
        var payload = Payload(entry, operation);
        var (payloadJson, payloadDigest) = AuditCanonicalForm.PayloadJsonAndDigest(payload);
        var unsealed = new AuditRecord
        {
            Sequence = previous.Sequence + 1,
            Time = now,
            RequestId = entry.RequestId,
            User = entry.User,
            Role = entry.Role,
            Organisation = entry.Organisation,
            Purpose = entry.Purpose,
            ChildIds = [.. entry.Children.Select(c => c.ChildId).Concat(entry.PreferenceOverrides.Select(o => o.ChildId)).Distinct().Order(StringComparer.Ordinal)],
            BreakGlass = entry.BreakGlass,
            PreferenceOverridden = entry.PreferenceOverrides.Count > 0,
            Outcome = entry.Outcome,
            OperationHash = operationHash,
            PayloadJson = payloadJson,
            Payload = payload,
            PayloadDigest = payloadDigest,
            PreviousHash = previous.RecordHash,
            RecordHash = "",
        };
        return unsealed with { RecordHash = AuditCanonicalForm.RecordHash(unsealed) };
    }

    private (string Text, string Hash) Operation(string text)
    {
        if (_operations.TryGetValue(text, out var known))
        {
            return known;
        }

        var normalised = OperationText.Normalise(text);
        var operation = (normalised, OperationText.Hash(normalised));
        if (_operations.Count >= OperationsKept)
        {
            _operations.Clear();
        }

        _operations.TryAdd(text, operation);
        return operation;
    }

    /// <summary>
    /// The payload as its stored JSON reads back: children in the canonical form's order (by id), each list copied, so
    /// the record does not share the entry's lists.
    /// </summary>
    private static AuditPayload Payload(AuditEntry entry, string operation) => new(
        entry.Justification,
        operation,
        [.. entry.Children.OrderBy(c => c.ChildId, StringComparer.Ordinal).Select(c => new ChildDisclosure(c.ChildId, [.. c.Disclosed], [.. c.Withheld]) { Recorded = [.. c.Recorded], Sent = [.. c.Sent] })],
        [.. entry.PreferenceOverrides])
    {
        Aggregate = entry.Aggregate is { } aggregate ? aggregate with { Agencies = [.. aggregate.Agencies] } : null,
    };
}
