using System.Data.Common;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// The embedded default: one SQLite file. Durability: the file is in WAL mode and every connection runs with
/// <c>synchronous=FULL</c>, so the WAL is synced to disk at each commit and an acknowledged append survives a crash or
/// power loss (NORMAL would only survive a process crash). Serialisation: appends begin with <c>BEGIN IMMEDIATE</c>,
/// SQLite's single writer lock across every process using the file; a writer waiting for it retries until the
/// command timeout.
/// </summary>
/// <remarks>
/// Appends go through one connection kept open for writing, with its statements prepared once (single-row inserts,
/// the head read and the head update, reused for every record): a multi-row insert, new text for every batch size,
/// was parsed again for every batch, and SQLite finds each named parameter by a linear search of the statement's
/// names, so binding a batch of n records cost on the order of n² string comparisons. Reads, redaction and schema
/// creation use pooled connections as before.
/// </remarks>
public sealed class SqliteAuditStore(string path) : SqlAuditStore, IDisposable
{
    private readonly Lock _writerGate = new();
    private Writer? _writer;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = TimeoutSeconds,
    }.ToString();

    /// <summary>How long a statement waits for the file's write lock held by another process.</summary>
    private const int TimeoutSeconds = 60;

    private static readonly AuditSql Statements = new()
    {
        Create =
        [
            "PRAGMA journal_mode = WAL",
            """
            CREATE TABLE IF NOT EXISTS audit_chain_head (
                chain_id INTEGER NOT NULL PRIMARY KEY,
                last_sequence INTEGER NOT NULL,
                last_hash TEXT NOT NULL,
                signed_at TEXT NULL,
                key_id TEXT NULL,
                signature TEXT NULL)
            """,
            "INSERT OR IGNORE INTO audit_chain_head (chain_id, last_sequence, last_hash) VALUES (1, 0, '" + Chain.AuditHashes.Genesis + "')",
            """
            CREATE TABLE IF NOT EXISTS audit_record (
                sequence INTEGER NOT NULL PRIMARY KEY,
                recorded_at TEXT NOT NULL,
                request_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                role TEXT NOT NULL,
                organisation TEXT NOT NULL,
                purpose TEXT NOT NULL,
                child_ids TEXT NOT NULL,
                break_glass INTEGER NOT NULL,
                preference_overridden INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                operation_hash TEXT NOT NULL,
                payload TEXT NULL,
                payload_digest TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                record_hash TEXT NOT NULL,
                redacted_at TEXT NULL)
            """,
            // A fork is refused by the link itself rather than by unique indexes on the two hashes: the primary key
            // refuses a second record with a sequence, and this refuses a record whose predecessor is stored with
            // another hash (so two records can never name the same predecessor). It costs one primary-key lookup of
            // the last record written; unique indexes on random hashes cost two random index pages per record, which
            // was half of the bytes every commit wrote and synced. A file created before keeps its unique indexes.
            $"""
            CREATE TRIGGER IF NOT EXISTS audit_record_links BEFORE INSERT ON audit_record
            WHEN (NEW.sequence = 1 AND NEW.previous_hash <> '{Chain.AuditHashes.Genesis}')
              OR EXISTS (SELECT 1 FROM audit_record p WHERE p.sequence = NEW.sequence - 1 AND p.record_hash <> NEW.previous_hash)
            BEGIN
              SELECT RAISE(ABORT, 'audit_record: previous_hash is not the hash of the preceding record (the chain would fork)');
            END
            """,
            "CREATE INDEX IF NOT EXISTS ix_audit_record_recorded_at ON audit_record (recorded_at)",
            "CREATE INDEX IF NOT EXISTS ix_audit_record_review ON audit_record (sequence) WHERE break_glass = 1 OR preference_overridden = 1",
            """
            CREATE TABLE IF NOT EXISTS audit_record_child (
                child_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                PRIMARY KEY (child_id, sequence))
            """,
            """
            CREATE TABLE IF NOT EXISTS audit_checkpoint (
                sequence INTEGER NOT NULL PRIMARY KEY,
                record_hash TEXT NOT NULL,
                signed_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS audit_redaction (
                through_sequence INTEGER NOT NULL,
                through_hash TEXT NOT NULL,
                recorded_before TEXT NOT NULL,
                redacted_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL,
                PRIMARY KEY (through_sequence, redacted_at))
            """,
        ],
        LockHead = ReadHead,
        Page = "SELECT {0} FROM audit_record WHERE {1} ORDER BY sequence LIMIT @limit",
    };

    private protected override AuditSql Sql => Statements;

    public string Path => path;

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <summary>
    /// In one <c>BEGIN IMMEDIATE</c> transaction on the writing connection: reads the head, seals (the sealer may refuse
    /// the head), inserts each record, its child rows and any checkpoint, moves the head to the signed head, commits
    /// (the WAL synced, <c>synchronous=FULL</c>). On any failure the transaction is rolled back and the connection
    /// closed, so the next append starts afresh.
    /// </summary>
    public override Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<AuditEntry> entries, AuditSealer sealer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(sealer);
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([]);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<AuditRecord>>(cancellationToken);
        }

        lock (_writerGate)
        {
            try
            {
                _writer ??= new Writer(_connectionString, TimeoutSeconds);
                return Task.FromResult(_writer.Append(entries, sealer));
            }
            catch (Exception ex)
            {
                _writer?.Dispose();
                _writer = null;
                return Task.FromException<IReadOnlyList<AuditRecord>>(ex);
            }
        }
    }

    /// <summary>Creates the tables; a head table from before heads were signed gains their columns (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    public override async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await base.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAppendAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var column in new[] { "signed_at", "key_id", "signature" })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('audit_chain_head') WHERE name = '{column}'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = $"ALTER TABLE audit_chain_head ADD COLUMN {column} TEXT NULL";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the writing connection (the next append would open it again).</summary>
    public void Dispose()
    {
        lock (_writerGate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    /// <summary>Every commit is synced to disk, so an acknowledged append survives a crash.</summary>
    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>BEGIN IMMEDIATE</c>: takes the file's write lock before the head is read.</summary>
    protected override Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>The writing connection and its prepared statements; used under the store's writer lock only.</summary>
    /// <remarks>
    /// The statements are SQLite's own, prepared once on the connection's handle and bound by position: through
    /// <see cref="SqliteCommand"/> every execution looked each parameter up by name, started a timeout stopwatch, and
    /// prepared <c>BEGIN IMMEDIATE</c> and <c>COMMIT</c> afresh, which together cost more than the SQL itself. A
    /// writer that meets the file's write lock held by another process waits for it in SQLite's busy handler, up to
    /// the store's timeout, as the commands did.
    /// </remarks>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3 _db;
        private readonly List<sqlite3_stmt> _statements = [];
        private readonly sqlite3_stmt _begin;
        private readonly sqlite3_stmt _head;
        private readonly sqlite3_stmt _insert;
        private readonly sqlite3_stmt _child;
        private readonly sqlite3_stmt _checkpoint;
        private readonly sqlite3_stmt _move;
        private readonly sqlite3_stmt _commit;
        private readonly sqlite3_stmt _rollback;

        public Writer(string connectionString, int timeoutSeconds)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                _db = _connection.Handle!;
                Check(raw.sqlite3_busy_timeout(_db, timeoutSeconds * 1000));
                _begin = Prepare("BEGIN IMMEDIATE");
                Step(Prepare("PRAGMA synchronous = FULL"));
                _head = Prepare(ReadHead);
                _insert = Prepare(AuditRow.Insert);
                _child = Prepare("INSERT INTO audit_record_child (child_id, sequence) VALUES (@ChildId, @Sequence)");
                _checkpoint = Prepare(InsertCheckpoint);
                _move = Prepare(MoveHead);
                _commit = Prepare("COMMIT");
                _rollback = Prepare("ROLLBACK");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public IReadOnlyList<AuditRecord> Append(IReadOnlyList<AuditEntry> entries, AuditSealer sealer)
        {
            Step(_begin);
            try
            {
                var records = Write(entries, sealer);
                Step(_commit);
                return records;
            }
            catch
            {
                // Still in the transaction (a failed COMMIT can leave it open): undone here, and the store closes this writer.
                if (raw.sqlite3_get_autocommit(_db) == 0)
                {
                    raw.sqlite3_reset(_rollback);
                    raw.sqlite3_step(_rollback);
                    raw.sqlite3_reset(_rollback);
                }

                throw;
            }
        }

        private IReadOnlyList<AuditRecord> Write(IReadOnlyList<AuditEntry> entries, AuditSealer sealer)
        {
            ChainHead head;
            try
            {
                if (Check(raw.sqlite3_step(_head)) != raw.SQLITE_ROW)
                {
                    throw new InvalidOperationException("The audit chain head row is missing.");
                }

                head = ChainHead.FromRow(raw.sqlite3_column_int64(_head, 0), Text(_head, 1)!, Text(_head, 2), Text(_head, 3), Text(_head, 4));
            }
            finally
            {
                raw.sqlite3_reset(_head);
            }

            var batch = sealer.Seal(head, entries);
            foreach (var record in batch.Records)
            {
                var row = AuditRow.From(record);
                var i = 1;
                Bind(_insert, i++, row.Sequence);
                Bind(_insert, i++, row.RecordedAt);
                Bind(_insert, i++, row.RequestId);
                Bind(_insert, i++, row.UserId);
                Bind(_insert, i++, row.Role);
                Bind(_insert, i++, row.Organisation);
                Bind(_insert, i++, row.Purpose);
                Bind(_insert, i++, row.ChildIds);
                Bind(_insert, i++, row.BreakGlass);
                Bind(_insert, i++, row.PreferenceOverridden);
                Bind(_insert, i++, row.Outcome);
                Bind(_insert, i++, row.OperationHash);
                Bind(_insert, i++, row.Payload);
                Bind(_insert, i++, row.PayloadDigest);
                Bind(_insert, i++, row.PreviousHash);
                Bind(_insert, i, row.RecordHash);
                Step(_insert);
                foreach (var child in record.ChildIds)
                {
                    Bind(_child, 1, child);
                    Bind(_child, 2, record.Sequence);
                    Step(_child);
                }
            }

            foreach (var c in batch.Checkpoints)
            {
                BindSigned(_checkpoint, c.Sequence, c.RecordHash, c.Time, c.KeyId, c.Signature);
                Step(_checkpoint);
            }

            var signed = batch.Head;
            BindSigned(_move, signed.Sequence, signed.RecordHash, signed.Time, signed.KeyId, signed.Signature);
            Bind(_move, 6, head.Sequence);
            Step(_move);
            if (raw.sqlite3_changes(_db) != 1)
            {
                throw new InvalidOperationException("The audit chain head moved during an append; the append was rolled back.");
            }

            return batch.Records;
        }

        public void Dispose()
        {
            foreach (var statement in _statements)
            {
                statement.Dispose();
            }

            _connection.Dispose();
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            _statements.Add(statement);
            return statement;
        }

        /// <summary>Runs a statement that returns no rows and resets it; throws <see cref="SqliteException"/> when SQLite refuses it.</summary>
        private void Step(sqlite3_stmt statement)
        {
            try
            {
                Check(raw.sqlite3_step(statement));
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        private static void BindSigned(sqlite3_stmt statement, long sequence, string recordHash, DateTimeOffset time, string keyId, string signature)
        {
            Bind(statement, 1, sequence);
            Bind(statement, 2, recordHash);
            Bind(statement, 3, AuditCanonicalForm.FormatTime(time));
            Bind(statement, 4, keyId);
            Bind(statement, 5, signature);
        }

        private static void Bind(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

        private static void Bind(sqlite3_stmt statement, int index, string? value)
        {
            if (value is null)
            {
                raw.sqlite3_bind_null(statement, index);
            }
            else
            {
                raw.sqlite3_bind_text(statement, index, value);
            }
        }

        private static string? Text(sqlite3_stmt statement, int column) =>
            raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

        private int Check(int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return rc;
        }
    }
}
