using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Verification;

/// <summary>
/// Walks the chain from the first record and reports the first broken link. Per record, in order: is its sequence
/// the next one (else a record is missing); do its details match their digest; does its header match its hash (if
/// not, and it matches under a later record's number, records were swapped); does it name its predecessor's hash;
/// does a checkpoint at its number carry a genuine signature and its hash; if its details are gone, does a signed
/// retention statement cover it; does the children's index list exactly the children its header names.
/// At the end: every signed statement (the head row, the head file, checkpoints, retention statements) must name a
/// record that is still there with the hash it vouched for, the head row must be signed and reach the last record,
/// and the head file must exist once anything has been written.
/// </summary>
/// <remarks>
/// What it cannot see: a chain rewritten by someone holding the key (they can sign anything); and a log whose
/// database and head file were both replaced by older copies, or both deleted (that looks like an earlier or a new
/// log). Keep the key and the head file out of reach of whoever administers the database.
/// </remarks>
public sealed class AuditVerifier(IAuditStore store, AuditCheckpointSigner signer, string? headFile = null)
{
    private const int PageSize = 1000;

    /// <summary>Checks everything, the children's index included.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync(checkChildIndex: true, cancellationToken);

    /// <summary>Checks everything; the children's index only when <paramref name="checkChildIndex"/> (a repair checks the chain first, then rebuilds the index).</summary>
    public async Task<AuditVerification> VerifyAsync(bool checkChildIndex, CancellationToken cancellationToken = default)
    {
        // The head file first: it only moves forward, so everything it names was committed before the walk.
        var file = headFile is null ? null : AuditHeadFile.ReadSettled(headFile, signer);
        var checkpoints = (await store.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Sequence);
        var retention = new RetentionStatements(store, signer);
        await retention.LoadAsync(cancellationToken).ConfigureAwait(false);

        // Every record up to here was committed with its index rows before the index is read, so they must all be there.
        var indexedThrough = checkChildIndex ? (await store.ReadLastAsync(cancellationToken).ConfigureAwait(false))?.Sequence ?? 0 : 0;
        await using var index = checkChildIndex ? new IndexCursor(store.ReadChildIndexAsync(cancellationToken).GetAsyncEnumerator(cancellationToken)) : null;

        var previousHash = AuditHashes.Genesis;
        long expected = 1, checkedCount = 0, redacted = 0;
        var checkpointsChecked = 0;
        AuditVerification Result(AuditChainBreak? broken, long head = 0) =>
            new(checkedCount, checkpointsChecked, redacted, broken) { HeadSequence = head, HeadFileChecked = file is not null };

        ChainHead? head;
        while (true)
        {
            var page = await store.ReadAsync(expected - 1, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                // The head row is read after the walk, so it reaches at least the last record walked; records
                // appended while the walk ran are walked too.
                head = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
                if (head is not null && head.Sequence >= expected && (await store.ReadAsync(expected - 1, 1, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    continue;
                }

                break;
            }

            for (var i = 0; i < page.Count; i++)
            {
                var record = page[i];
                var broken = Check(record, expected, previousHash, page, i);
                if (broken is null && checkpoints.TryGetValue(record.Sequence, out var checkpoint))
                {
                    broken = Check(checkpoint, record);
                    checkpointsChecked += broken is null ? 1 : 0;
                }
                broken ??= await retention.CheckAsync(record, cancellationToken).ConfigureAwait(false);
                if (broken is null && index is not null)
                {
                    broken = await index.CheckAsync(record, compare: record.Sequence <= indexedThrough).ConfigureAwait(false);
                }

                if (broken is not null)
                {
                    return Result(broken);
                }

                checkedCount++;
                redacted += record.IsRedacted ? 1 : 0;
                previousHash = record.RecordHash;
                expected++;
            }
        }

        var last = expected - 1;
        var atEnd = await CheckEndAsync(last, previousHash, head, file, checkpoints.Values, retention.Genuine, cancellationToken).ConfigureAwait(false)
            ?? (index is null ? null : await index.CheckRestAsync().ConfigureAwait(false))
            ?? retention.CheckForgeries();
        return Result(atEnd, head?.Sequence ?? 0);
    }

    /// <summary>
    /// The cheap check for start-up: the signed head row and head file against the last record, without walking the
    /// chain. Null when they agree.
    /// </summary>
    public async Task<AuditChainBreak?> VerifyHeadAsync(CancellationToken cancellationToken = default)
    {
        var file = headFile is null ? null : AuditHeadFile.ReadSettled(headFile, signer);
        // The head and the last record move together in each append: read the last record between two reads of an
        // unchanged head, so an append in between is not taken for tampering.
        var head = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        AuditRecord? last;
        for (var attempt = 0; ; attempt++)
        {
            last = await store.ReadLastAsync(cancellationToken).ConfigureAwait(false);
            var again = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
            if (again?.Sequence == head?.Sequence || attempt == 4)
            {
                break;
            }

            head = again;
        }
        return await CheckEndAsync(last?.Sequence ?? 0, last?.RecordHash ?? AuditHashes.Genesis, head, file, [], [], cancellationToken).ConfigureAwait(false);
    }

    private static AuditChainBreak? Check(AuditRecord record, long expected, string previousHash, IReadOnlyList<AuditRecord> page, int index)
    {
        if (record.Sequence != expected)
        {
            return new AuditChainBreak(expected, AuditBreakKind.MissingRecord, record.Sequence == expected + 1
                ? $"Record {expected} is missing: the log goes from record {expected - 1} straight to record {record.Sequence}."
                : $"Records {expected} to {record.Sequence - 1} are missing: the log goes from record {expected - 1} straight to record {record.Sequence}.");
        }

        if (record.PayloadJson is { } payload && AuditHashes.Sha256(payload) != record.PayloadDigest)
        {
            return new AuditChainBreak(record.Sequence, AuditBreakKind.AlteredRecord,
                $"The details of record {record.Sequence} (the justification, the operation, or what was shown or withheld) were changed after it was written.");
        }

        if (AuditCanonicalForm.RecordHash(record) != record.RecordHash)
        {
            for (var j = index + 1; j < page.Count; j++)
            {
                if (AuditCanonicalForm.RecordHash(record with { Sequence = page[j].Sequence }) == record.RecordHash)
                {
                    return new AuditChainBreak(record.Sequence, AuditBreakKind.ReorderedRecords,
                        $"Record {record.Sequence} is out of place: it was written as record {page[j].Sequence}. Records {record.Sequence} and {page[j].Sequence} have been swapped or moved.");
                }
            }
            return new AuditChainBreak(record.Sequence, AuditBreakKind.AlteredRecord,
                $"Record {record.Sequence} was changed after it was written: who, when, why or what it says no longer matches its hash.");
        }

        if (record.PreviousHash != previousHash)
        {
            return new AuditChainBreak(record.Sequence, AuditBreakKind.BrokenLink, record.Sequence == 1
                ? "Record 1 does not start the chain: the log's beginning was replaced."
                : $"Record {record.Sequence} does not follow record {record.Sequence - 1}: record {record.Sequence - 1} was rewritten (and re-hashed) after record {record.Sequence} was written.");
        }

        return null;
    }

    private AuditChainBreak? Check(AuditCheckpoint checkpoint, AuditRecord record)
    {
        if (!signer.IsGenuine(checkpoint))
        {
            return new AuditChainBreak(record.Sequence, AuditBreakKind.BadCheckpointSignature,
                $"The signed checkpoint at record {record.Sequence} is not genuine: {signer.WhyNotGenuine(checkpoint.KeyId)}.");
        }

        if (checkpoint.RecordHash != record.RecordHash)
        {
            return new AuditChainBreak(record.Sequence, AuditBreakKind.CheckpointMismatch,
                $"Record {record.Sequence} is not the record the signed checkpoint vouched for: the log up to this point was rebuilt after the checkpoint was signed.");
        }

        return null;
    }

    /// <summary>
    /// The checks that need the whole walk: signed statements beyond the last record (truncation), then the head row,
    /// then the head file. <paramref name="last"/> is the last record (0: none) and <paramref name="lastHash"/> its hash.
    /// </summary>
    private async Task<AuditChainBreak?> CheckEndAsync(
        long last, string lastHash, ChainHead? head, HeadFileReading? file,
        IEnumerable<AuditCheckpoint> checkpoints, IEnumerable<AuditRedaction> retention, CancellationToken cancellationToken)
    {
        var fileHead = file?.Head is { } found && signer.IsGenuine(found) ? found : null;
        var dbHead = head?.Signed is { } signed && signer.IsGenuine(signed) ? signed : null;

        // The furthest genuine statement that a record beyond the end existed.
        var vouchers = new List<(long Sequence, string Source)>();
        if (dbHead is { } h && h.Sequence > last)
        {
            vouchers.Add((h.Sequence, "the signed head the database keeps"));
        }

        if (fileHead is { } f && f.Sequence > last)
        {
            vouchers.Add((f.Sequence, $"the signed head file '{headFile}'"));
        }

        vouchers.AddRange(checkpoints.Where(c => c.Sequence > last && signer.IsGenuine(c)).Select(c => (c.Sequence, "a signed checkpoint")));
        vouchers.AddRange(retention.Where(r => r.ThroughSequence > last).Select(r => (r.ThroughSequence, "a signed retention statement")));
        if (vouchers.Count > 0)
        {
            var (furthest, source) = vouchers.MaxBy(v => v.Sequence);
            return new AuditChainBreak(last + 1, AuditBreakKind.TruncatedLog, last == 0
                ? $"The log is empty, but {source} vouches that record {furthest} was written: every record was removed."
                : $"The log ends at record {last}, but {source} vouches that record {furthest} was written: records {last + 1} to {furthest} at least were removed from the end.");
        }

        var problem = CheckHeadRow(last, lastHash, head);
        if (problem is null && dbHead is { } inside && inside.Sequence < last)
        {
            problem = await CheckVouchedAsync(inside, "signed head the database keeps", cancellationToken).ConfigureAwait(false);
        }

        if (problem is not null || file is null)
        {
            return problem;
        }

        var written = last > 0 || head is { Sequence: > 0 };
        return file switch
        {
            { State: HeadFileState.Missing } when written => new AuditChainBreak(last + 1, AuditBreakKind.HeadMissing,
                $"The head file '{headFile}', which the gateway rewrites after every write to the log, is missing: it was deleted (or the log is being checked away from the machine that keeps it), so records removed from the end together with the database's head would go unseen."),
            { State: HeadFileState.Unreadable, Problem: var why } => new AuditChainBreak(last + 1, AuditBreakKind.BadHeadSignature,
                $"The head file '{headFile}' is not a head the gateway wrote: {why}."),
            { Head: { } stated } when fileHead is null => new AuditChainBreak(last + 1, AuditBreakKind.BadHeadSignature,
                $"The head file '{headFile}' is not genuine: {signer.WhyNotGenuine(stated.KeyId)}."),
            _ when fileHead is not null => await CheckVouchedAsync(fileHead, $"signed head file '{headFile}'", cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    /// <summary>The database's head row against the last record; truncation beyond it was reported already.</summary>
    private AuditChainBreak? CheckHeadRow(long last, string lastHash, ChainHead? head)
    {
        if (head is null)
        {
            return new AuditChainBreak(last + 1, AuditBreakKind.HeadMissing,
                "The signed head that the database keeps, and moves with every write, is missing: it was deleted, so the database alone can no longer show whether records were removed from the end.");
        }

        if (head.Signed is null)
        {
            if (head.Sequence == 0 && head.RecordHash == AuditHashes.Genesis && last == 0)
            {
                return null; // a new log: nothing written, nothing signed yet
            }

            return new AuditChainBreak(last + 1, AuditBreakKind.BadHeadSignature, head.Sequence == 0
                ? $"The log holds {last} records, but the database's head says nothing was ever written and is not signed: the head was reset."
                : $"The database's head (record {head.Sequence}) is not signed: it was replaced, or the log was last written by a version that did not sign its head (the next write signs it).");
        }
        if (!signer.IsGenuine(head.Signed))
        {
            return new AuditChainBreak(last + 1, AuditBreakKind.BadHeadSignature,
                $"The database's head (record {head.Sequence}) is not genuine: {signer.WhyNotGenuine(head.Signed.KeyId)}.");
        }

        if (head.Sequence < last)
        {
            return new AuditChainBreak(head.Sequence + 1, AuditBreakKind.UnanchoredRecords, head.Sequence + 1 == last
                ? $"Record {last} comes after record {head.Sequence}, the last one the gateway signed a head for: it was added to the log by something other than the gateway."
                : $"Records {head.Sequence + 1} to {last} come after record {head.Sequence}, the last one the gateway signed a head for: they were added to the log by something other than the gateway.");
        }

        if (head.Sequence == last && head.RecordHash != lastHash)
        {
            return new AuditChainBreak(last, AuditBreakKind.HeadMismatch,
                $"Record {last} is not the record the database's signed head vouches for: the end of the log was rebuilt after it was signed.");
        }

        return null;
    }

    /// <summary>A genuine head at or before the last record: the record at its place must carry the hash it vouched for.</summary>
    private async Task<AuditChainBreak?> CheckVouchedAsync(AuditHead head, string source, CancellationToken cancellationToken)
    {
        if (head.Sequence == 0)
        {
            return null;
        }

        if (await store.ReadAsync(head.Sequence - 1, 1, cancellationToken).ConfigureAwait(false) is [var record] && record.Sequence == head.Sequence && record.RecordHash == head.RecordHash)
        {
            return null;
        }

        return new AuditChainBreak(head.Sequence, AuditBreakKind.HeadMismatch,
            $"Record {head.Sequence} is not the record the {source} vouches for: the log was rolled back or rebuilt after it was signed.");
    }

    /// <summary>The retention statements: a missing payload must be covered by a genuine one.</summary>
    private sealed class RetentionStatements(IAuditStore store, AuditCheckpointSigner signer)
    {
        private IReadOnlyList<AuditRedaction> _all = [];
        private bool _reloaded;

        public List<AuditRedaction> Genuine { get; } = [];

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            _all = await store.ReadRedactionsAsync(cancellationToken).ConfigureAwait(false);
            Genuine.Clear();
            Genuine.AddRange(_all.Where(signer.IsGenuine));
        }

        public async Task<AuditChainBreak?> CheckAsync(AuditRecord record, CancellationToken cancellationToken)
        {
            foreach (var statement in Genuine)
            {
                if (statement.ThroughSequence == record.Sequence && statement.ThroughHash != record.RecordHash)
                {
                    return new AuditChainBreak(record.Sequence, AuditBreakKind.CheckpointMismatch,
                        $"Record {record.Sequence} is not the record the signed retention statement of {AuditCanonicalForm.FormatTime(statement.RedactedAt)} vouched for: the log up to this point was rebuilt after it.");
                }
            }
            if (!record.IsRedacted || Genuine.Exists(s => s.Covers(record)))
            {
                return null;
            }

            if (!_reloaded)
            {
                // A retention run may have committed after the statements were read.
                _reloaded = true;
                await LoadAsync(cancellationToken).ConfigureAwait(false);
                if (Genuine.Exists(s => s.Covers(record)))
                {
                    return null;
                }
            }
            return new AuditChainBreak(record.Sequence, AuditBreakKind.RemovedWithoutRetention,
                $"The details of record {record.Sequence} (the reason given, the operation, what was shown and withheld) were removed, but no retention run removed them: retention signs what it removes, so these were deleted by other means.");
        }

        public AuditChainBreak? CheckForgeries() =>
            _all.FirstOrDefault(s => !signer.IsGenuine(s)) is { } forged
                ? new AuditChainBreak(forged.ThroughSequence, AuditBreakKind.BadRetentionSignature,
                    $"A retention statement claiming that the details of records up to {forged.ThroughSequence} were removed is not genuine: {signer.WhyNotGenuine(forged.KeyId)}.")
                : null;
    }

    /// <summary>The children's index, read once in sequence order alongside the walk.</summary>
    private sealed class IndexCursor(IAsyncEnumerator<AuditChildIndexEntry> rows) : IAsyncDisposable
    {
        private bool _peeked, _ended;

        private AuditChildIndexEntry Current => rows.Current;

        /// <summary>
        /// Takes the index rows up to this record's sequence; when <paramref name="compare"/>, they must name exactly
        /// the children its header names (records appended after the index was read are only skipped over).
        /// </summary>
        public async Task<AuditChainBreak?> CheckAsync(AuditRecord record, bool compare)
        {
            var listed = new List<string>();
            while (await PeekAsync().ConfigureAwait(false) && Current.Sequence <= record.Sequence)
            {
                if (Current.Sequence < record.Sequence)
                {
                    return Stray(Current);
                }

                listed.Add(Current.ChildId);
                _peeked = false;
            }
            if (!compare)
            {
                return null;
            }

            if (record.ChildIds.FirstOrDefault(c => !listed.Contains(c, StringComparer.Ordinal)) is { } missing)
            {
                return new AuditChainBreak(record.Sequence, AuditBreakKind.ChildIndexMismatch,
                    $"Record {record.Sequence} says it touched child {missing}, but the index that children's access reports are read from does not list it against that record: {missing}'s report would leave this access out. The index can be rebuilt from the chain.");
            }

            if (listed.FirstOrDefault(c => !record.ChildIds.Contains(c, StringComparer.Ordinal)) is { } extra)
            {
                return new AuditChainBreak(record.Sequence, AuditBreakKind.ChildIndexMismatch,
                    $"The index that children's access reports are read from lists child {extra} against record {record.Sequence}, which did not touch that child: {extra}'s report would show an access that did not happen. The index can be rebuilt from the chain.");
            }

            return null;
        }

        /// <summary>After the walk: any row left names a record that is not in the log.</summary>
        public async Task<AuditChainBreak?> CheckRestAsync() =>
            await PeekAsync().ConfigureAwait(false) ? Stray(Current) : null;

        public ValueTask DisposeAsync() => rows.DisposeAsync();

        private static AuditChainBreak Stray(AuditChildIndexEntry row) =>
            new(row.Sequence, AuditBreakKind.ChildIndexMismatch,
                $"The index that children's access reports are read from lists child {row.ChildId} against record {row.Sequence}, which is not in the log: {row.ChildId}'s report would show an access that did not happen. The index can be rebuilt from the chain.");

        /// <summary>True with <see cref="Current"/> set to the next row not yet taken; false at the end.</summary>
        private async Task<bool> PeekAsync()
        {
            if (_ended)
            {
                return false;
            }

            if (_peeked)
            {
                return true;
            }

            _peeked = await rows.MoveNextAsync().ConfigureAwait(false);
            _ended = !_peeked;
            return _peeked;
        }
    }
}
