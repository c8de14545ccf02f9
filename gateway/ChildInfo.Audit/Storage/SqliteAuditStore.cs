using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// The embedded default: one SQLite file. Durability: the file is in WAL mode and every connection runs with
/// <c>synchronous=FULL</c>, so the WAL is synced to disk at each commit and an acknowledged append survives a crash or
/// power loss (NORMAL would only survive a process crash). Serialisation: appends begin with <c>BEGIN IMMEDIATE</c>,
/// SQLite's single writer lock across every process using the file; a writer waiting for it retries until the
/// command timeout.
/// </summary>
public sealed class SqliteAuditStore(string path) : SqlAuditStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    private static readonly AuditSql Statements = new()
    {
        Create =
        [
            "PRAGMA journal_mode = WAL",
            """
            CREATE TABLE IF NOT EXISTS audit_chain_head (
                chain_id INTEGER NOT NULL PRIMARY KEY,
                last_sequence INTEGER NOT NULL,
                last_hash TEXT NOT NULL)
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
                previous_hash TEXT NOT NULL UNIQUE,
                record_hash TEXT NOT NULL UNIQUE,
                redacted_at TEXT NULL)
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
        ],
        LockHead = "SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_chain_head WHERE chain_id = 1",
        Page = "SELECT {0} FROM audit_record WHERE {1} ORDER BY sequence LIMIT @limit",
    };

    private protected override AuditSql Sql => Statements;

    public string Path => path;

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

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
}
