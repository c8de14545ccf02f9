using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ChildInfo.Audit.Storage;

/// <summary>
/// SQL Server. An append is acknowledged after its transaction commits (the log is hardened at commit unless the
/// database uses delayed durability, which an audit database must not). Appends from every replica serialise on
/// <c>UPDLOCK, HOLDLOCK</c> of the single chain head row.
/// </summary>
public sealed class SqlServerAuditStore(string connectionString) : SqlAuditStore
{
    internal static readonly AuditSql Statements = new()
    {
        Create =
        [
            """
            IF OBJECT_ID(N'audit_chain_head', N'U') IS NULL
            CREATE TABLE audit_chain_head (
                chain_id INT NOT NULL PRIMARY KEY,
                last_sequence BIGINT NOT NULL,
                last_hash VARCHAR(64) NOT NULL,
                signed_at VARCHAR(28) NULL,
                key_id NVARCHAR(100) NULL,
                signature VARCHAR(64) NULL)
            """,
            // A head table created before heads were signed gains the columns; its row is signed at the next append.
            "IF COL_LENGTH(N'audit_chain_head', N'signature') IS NULL ALTER TABLE audit_chain_head ADD signed_at VARCHAR(28) NULL, key_id NVARCHAR(100) NULL, signature VARCHAR(64) NULL",
            "IF NOT EXISTS (SELECT 1 FROM audit_chain_head WHERE chain_id = 1) INSERT INTO audit_chain_head (chain_id, last_sequence, last_hash) VALUES (1, 0, '" + Chain.AuditHashes.Genesis + "')",
            """
            IF OBJECT_ID(N'audit_record', N'U') IS NULL
            CREATE TABLE audit_record (
                sequence BIGINT NOT NULL PRIMARY KEY,
                recorded_at VARCHAR(28) NOT NULL,
                request_id NVARCHAR(200) NOT NULL,
                user_id NVARCHAR(200) NOT NULL,
                role NVARCHAR(100) NOT NULL,
                organisation NVARCHAR(200) NOT NULL,
                purpose NVARCHAR(100) NOT NULL,
                child_ids NVARCHAR(MAX) NOT NULL,
                break_glass INT NOT NULL,
                preference_overridden INT NOT NULL,
                outcome VARCHAR(10) NOT NULL,
                operation_hash VARCHAR(64) NOT NULL,
                payload NVARCHAR(MAX) NULL,
                payload_digest VARCHAR(64) NOT NULL,
                previous_hash VARCHAR(64) NOT NULL UNIQUE,
                record_hash VARCHAR(64) NOT NULL UNIQUE,
                redacted_at VARCHAR(28) NULL)
            """,
            "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_record_recorded_at') CREATE INDEX ix_audit_record_recorded_at ON audit_record (recorded_at)",
            """
            IF OBJECT_ID(N'audit_record_child', N'U') IS NULL
            CREATE TABLE audit_record_child (
                child_id NVARCHAR(200) NOT NULL,
                sequence BIGINT NOT NULL,
                PRIMARY KEY (child_id, sequence))
            """,
            """
            IF OBJECT_ID(N'audit_checkpoint', N'U') IS NULL
            CREATE TABLE audit_checkpoint (
                sequence BIGINT NOT NULL PRIMARY KEY,
                record_hash VARCHAR(64) NOT NULL,
                signed_at VARCHAR(28) NOT NULL,
                key_id NVARCHAR(100) NOT NULL,
                signature VARCHAR(64) NOT NULL)
            """,
            """
            IF OBJECT_ID(N'audit_redaction', N'U') IS NULL
            CREATE TABLE audit_redaction (
                through_sequence BIGINT NOT NULL,
                through_hash VARCHAR(64) NOT NULL,
                recorded_before VARCHAR(28) NOT NULL,
                redacted_at VARCHAR(28) NOT NULL,
                key_id NVARCHAR(100) NOT NULL,
                signature VARCHAR(64) NOT NULL,
                PRIMARY KEY (through_sequence, redacted_at))
            """,
        ],
        LockHead = "SELECT " + HeadColumns + " FROM audit_chain_head WITH (UPDLOCK, HOLDLOCK) WHERE chain_id = 1",
        Page = "SELECT TOP (@limit) {0} FROM audit_record WHERE {1} ORDER BY sequence",
    };

    private protected override AuditSql Sql => Statements;

    protected override DbConnection CreateConnection() => new SqlConnection(connectionString);
}
