using System.Data.Common;
using Npgsql;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// PostgreSQL. An append is acknowledged only after its transaction commits (with the server's default
/// <c>synchronous_commit=on</c>, after the WAL is flushed). Appends from every replica serialise on
/// <c>SELECT ... FOR UPDATE</c> of the single chain head row, which each append moves to its signed head.
/// </summary>
public sealed class PostgresAuditStore(string connectionString) : SqlAuditStore
{
    private static readonly AuditSql Statements = new()
    {
        Create =
        [
            """
            CREATE TABLE IF NOT EXISTS audit_chain_head (
                chain_id INTEGER NOT NULL PRIMARY KEY,
                last_sequence BIGINT NOT NULL,
                last_hash TEXT NOT NULL,
                signed_at TEXT NULL,
                key_id TEXT NULL,
                signature TEXT NULL)
            """,
            // A head table created before heads were signed gains the columns; its row is signed at the next append.
            "ALTER TABLE audit_chain_head ADD COLUMN IF NOT EXISTS signed_at TEXT NULL, ADD COLUMN IF NOT EXISTS key_id TEXT NULL, ADD COLUMN IF NOT EXISTS signature TEXT NULL",
            "INSERT INTO audit_chain_head (chain_id, last_sequence, last_hash) VALUES (1, 0, '" + Chain.AuditHashes.Genesis + "') ON CONFLICT (chain_id) DO NOTHING",
            """
            CREATE TABLE IF NOT EXISTS audit_record (
                sequence BIGINT NOT NULL PRIMARY KEY,
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
                sequence BIGINT NOT NULL,
                PRIMARY KEY (child_id, sequence))
            """,
            """
            CREATE TABLE IF NOT EXISTS audit_checkpoint (
                sequence BIGINT NOT NULL PRIMARY KEY,
                record_hash TEXT NOT NULL,
                signed_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS audit_redaction (
                through_sequence BIGINT NOT NULL,
                through_hash TEXT NOT NULL,
                recorded_before TEXT NOT NULL,
                redacted_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL,
                PRIMARY KEY (through_sequence, redacted_at))
            """,
        ],
        LockHead = ReadHead + " FOR UPDATE",
        Page = "SELECT {0} FROM audit_record WHERE {1} ORDER BY sequence LIMIT @limit",
    };

    private protected override AuditSql Sql => Statements;

    protected override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);
}
