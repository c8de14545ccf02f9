using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using Dapper;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// The append, read and redact logic every SQL database shares, with Dapper. Each append is one transaction that
/// first takes the database's write lock on the chain head (<see cref="AuditSql.LockHead"/>), so the chain stays
/// linear across processes; the primary key on <c>sequence</c> and the unique <c>previous_hash</c> (on SQLite, a
/// trigger checking each record's link to its predecessor) refuse a fork even if that lock were ever bypassed. The
/// same transaction moves the head row to the batch's signed head, so the row never lags the records.
/// </summary>
public abstract class SqlAuditStore : IAuditStore
{
    internal const string HeadColumns =
        "last_sequence AS LastSequence, last_hash AS LastHash, signed_at AS SignedAt, key_id AS KeyId, signature AS Signature";

    internal const string ReadHead = "SELECT " + HeadColumns + " FROM audit_chain_head WHERE chain_id = 1";

    internal const string MoveHead =
        "UPDATE audit_chain_head SET last_sequence = @Sequence, last_hash = @RecordHash, signed_at = @SignedAt, key_id = @KeyId, signature = @Signature " +
        "WHERE chain_id = 1 AND last_sequence = @Previous";

    internal const string InsertCheckpoint =
        "INSERT INTO audit_checkpoint (sequence, record_hash, signed_at, key_id, signature) VALUES (@Sequence, @RecordHash, @SignedAt, @KeyId, @Signature)";

    internal const string ReadCheckpoints =
        "SELECT sequence AS Sequence, record_hash AS RecordHash, signed_at AS SignedAt, key_id AS KeyId, signature AS Signature FROM audit_checkpoint ORDER BY sequence";

    /// <summary>The last record a retention run with this cut-off reaches (records and times rise together).</summary>
    internal const string LastRecordedBefore =
        "SELECT sequence AS Sequence, record_hash AS RecordHash FROM audit_record WHERE sequence = (SELECT MAX(sequence) FROM audit_record WHERE recorded_at < @before)";

    internal const string Redact =
        "UPDATE audit_record SET payload = NULL, redacted_at = @redactedAt WHERE sequence <= @through AND recorded_at < @before AND payload IS NOT NULL";

    internal const string InsertRedaction =
        "INSERT INTO audit_redaction (through_sequence, through_hash, recorded_before, redacted_at, key_id, signature) " +
        "VALUES (@ThroughSequence, @ThroughHash, @RecordedBefore, @RedactedAt, @KeyId, @Signature)";

    internal const string ReadRedactionRows =
        "SELECT through_sequence AS ThroughSequence, through_hash AS ThroughHash, recorded_before AS RecordedBefore, redacted_at AS RedactedAt, " +
        "key_id AS KeyId, signature AS Signature FROM audit_redaction ORDER BY through_sequence, redacted_at";

    internal const string ReadChildIndex = "SELECT sequence AS Sequence, child_id AS ChildId FROM audit_record_child ORDER BY sequence";

    internal const string ClearChildIndex = "DELETE FROM audit_record_child";

    internal const string ChildIndexColumns = "audit_record_child (child_id, sequence)";

    private protected abstract AuditSql Sql { get; }

    /// <summary>A new, unopened connection to this store's database.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings a provider needs once a connection is open (none by default).</summary>
    protected virtual Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens a connection, disposing it again if opening or its settings fail.</summary>
    protected async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await OnOpenedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Begins a writing transaction (SQLite overrides this to take its write lock at once).</summary>
    protected virtual async Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public virtual async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in Sql.Create)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public virtual async Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(sealer);
        if (entries.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAppendAsync(connection, cancellationToken).ConfigureAwait(false);

        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(Sql.LockHead, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The audit chain head row is missing: nothing is appended to a chain whose end is unknown (childinfo audit verify).");
        var batch = sealer.Seal(head.ToChainHead(), entries);

        await InsertRowsAsync(connection, transaction, AuditRow.InsertColumns, AuditRow.ValueNames, batch.Records.Select(AuditRow.From), cancellationToken).ConfigureAwait(false);
        var children = batch.Records.SelectMany(r => r.ChildIds.Select(c => new ChildRow { ChildId = c, Sequence = r.Sequence }));
        await InsertRowsAsync(connection, transaction, ChildIndexColumns, ["ChildId", "Sequence"], children, cancellationToken).ConfigureAwait(false);
        if (batch.Checkpoints.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertCheckpoint,
                batch.Checkpoints.Select(c => new { c.Sequence, c.RecordHash, SignedAt = AuditCanonicalForm.FormatTime(c.Time), c.KeyId, c.Signature }),
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var signed = batch.Head;
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            MoveHead,
            new { signed.Sequence, signed.RecordHash, SignedAt = AuditCanonicalForm.FormatTime(signed.Time), signed.KeyId, signed.Signature, Previous = head.LastSequence },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (moved != 1)
        {
            throw new InvalidOperationException("The audit chain head moved during an append; the append was rolled back.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return batch.Records;
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        await PageAsync("sequence > @after", new { after = afterSequence, limit }, cancellationToken).ConfigureAwait(false);

    public async Task<AuditRecord?> ReadLastAsync(CancellationToken cancellationToken = default) =>
        (await PageAsync("sequence = (SELECT MAX(sequence) FROM audit_record)", new { limit = 1 }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<ChainHead?> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(ReadHead, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToChainHead();
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadForReviewAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        await PageAsync($"sequence > @after AND (break_glass = {Sql.True} OR preference_overridden = {Sql.True})", new { after = afterSequence, limit }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditRecord>> ReadByChildAsync(string childId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await PageAsync(
            "sequence IN (SELECT sequence FROM audit_record_child WHERE child_id = @childId) AND recorded_at >= @since",
            new { childId, since = AuditCanonicalForm.FormatTime(since), limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CheckpointRow>(new CommandDefinition(ReadCheckpoints, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditCheckpoint(r.Sequence, r.RecordHash, AuditCanonicalForm.ParseTime(r.SignedAt), r.KeyId, r.Signature))];
    }

    public async Task<IReadOnlyList<AuditRedaction>> ReadRedactionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RedactionRow>(new CommandDefinition(ReadRedactionRows, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditRedaction(r.ThroughSequence, r.ThroughHash, AuditCanonicalForm.ParseTime(r.RecordedBefore), AuditCanonicalForm.ParseTime(r.RedactedAt), r.KeyId, r.Signature))];
    }

    public async IAsyncEnumerable<AuditChildIndexEntry> ReadChildIndexAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ChildRow>(ReadChildIndex).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditChildIndexEntry(row.Sequence, row.ChildId);
        }
    }

    public async Task<long> RebuildChildIndexAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAppendAsync(connection, cancellationToken).ConfigureAwait(false);
        // The append lock: no record is appended (with its index rows) while the index is rebuilt.
        _ = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(Sql.LockHead, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(ClearChildIndex, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var page = string.Format(CultureInfo.InvariantCulture, Sql.Page, "sequence AS Sequence, child_ids AS ChildIds", "sequence > @after");
        long after = 0, written = 0;
        while (true)
        {
            var records = (await connection.QueryAsync<ChildIdsRow>(new CommandDefinition(page, new { after, limit = 1000 }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (records.Count == 0)
            {
                break;
            }

            var rows = records.SelectMany(r => AuditRow.ReadChildIds(r.ChildIds).Distinct(StringComparer.Ordinal).Select(c => new ChildRow { ChildId = c, Sequence = r.Sequence })).ToList();
            await InsertRowsAsync(connection, transaction, ChildIndexColumns, ["ChildId", "Sequence"], rows, cancellationToken).ConfigureAwait(false);
            written += rows.Count;
            after = records[^1].Sequence;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task<int> RedactAsync(DateTimeOffset recordedBefore, DateTimeOffset redactedAt, AuditCheckpointSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAppendAsync(connection, cancellationToken).ConfigureAwait(false);
        var before = AuditCanonicalForm.FormatTime(recordedBefore);
        var through = await connection.QuerySingleOrDefaultAsync<ThroughRow>(new CommandDefinition(LastRecordedBefore, new { before }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (through is null)
        {
            return 0;
        }

        var redacted = await connection.ExecuteAsync(new CommandDefinition(
            Redact, new { through = through.Sequence, before, redactedAt = AuditCanonicalForm.FormatTime(redactedAt) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (redacted == 0)
        {
            return 0;
        }

        var statement = signer.SignRedaction(through.Sequence, through.RecordHash, recordedBefore, redactedAt);
        await connection.ExecuteAsync(new CommandDefinition(InsertRedaction, new
        {
            statement.ThroughSequence,
            statement.ThroughHash,
            RecordedBefore = AuditCanonicalForm.FormatTime(statement.RecordedBefore),
            RedactedAt = AuditCanonicalForm.FormatTime(statement.RedactedAt),
            statement.KeyId,
            statement.Signature,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return redacted;
    }

    private async Task<IReadOnlyList<AuditRecord>> PageAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            string.Format(CultureInfo.InvariantCulture, Sql.Page, AuditRow.Columns, where), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>
    /// Inserts rows with multi-row VALUES statements of at most <see cref="RowsPerStatement"/> rows (SQL Server
    /// allows 2,100 parameters), so a batch costs a few round trips rather than one per row. The parameters are
    /// added straight to the command under their full placeholder names (<c>@Name0</c>): through Dapper they
    /// lose the <c>@</c>, and SQLite then looks each one up under every prefix in turn, each lookup a linear scan
    /// of the statement's parameters, which made binding a large batch cost most of the append.
    /// </summary>
    private static async Task InsertRowsAsync<T>(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> names, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var properties = names.Select(n => typeof(T).GetProperty(n) ?? throw new InvalidOperationException($"No property {n} on {typeof(T).Name}.")).ToArray();
        var types = properties.Select(p => ColumnType(p.PropertyType)).ToArray();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var placeholders = new string[properties.Length];
                for (var p = 0; p < properties.Length; p++)
                {
                    placeholders[p] = string.Create(CultureInfo.InvariantCulture, $"@{names[p]}{i}");
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = placeholders[p];
                    parameter.DbType = types[p];
                    parameter.Value = properties[p].GetValue(chunk[i]) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                values.Add($"({string.Join(", ", placeholders)})");
            }
            command.CommandText = $"INSERT INTO {table} VALUES {string.Join(", ", values)}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static System.Data.DbType ColumnType(Type type) =>
        type == typeof(long) ? System.Data.DbType.Int64
        : type == typeof(string) ? System.Data.DbType.String
        : throw new InvalidOperationException($"No column type for {type.Name}.");

    private const int RowsPerStatement = 100;

    private sealed class ChildRow
    {
        public string ChildId { get; set; } = "";
        public long Sequence { get; set; }
    }

    private sealed class HeadRow
    {
        public long LastSequence { get; set; }
        public string LastHash { get; set; } = "";
        public string? SignedAt { get; set; }
        public string? KeyId { get; set; }
        public string? Signature { get; set; }

        public ChainHead ToChainHead() => ChainHead.FromRow(LastSequence, LastHash, SignedAt, KeyId, Signature);
    }

    private sealed class ThroughRow
    {
        public long Sequence { get; set; }
        public string RecordHash { get; set; } = "";
    }

    private sealed class ChildIdsRow
    {
        public long Sequence { get; set; }
        public string ChildIds { get; set; } = "[]";
    }

    private sealed class RedactionRow
    {
        public long ThroughSequence { get; set; }
        public string ThroughHash { get; set; } = "";
        public string RecordedBefore { get; set; } = "";
        public string RedactedAt { get; set; } = "";
        public string KeyId { get; set; } = "";
        public string Signature { get; set; } = "";
    }

    private sealed class CheckpointRow
    {
        public long Sequence { get; set; }
        public string RecordHash { get; set; } = "";
        public string SignedAt { get; set; } = "";
        public string KeyId { get; set; } = "";
        public string Signature { get; set; } = "";
    }
}
