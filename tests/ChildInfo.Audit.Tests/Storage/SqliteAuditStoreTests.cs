using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using ChildInfo.Audit.Verification;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Audit.Tests.Storage;

/// <summary>What is particular to the SQLite store: how its schema refuses a fork, and files created by earlier versions.</summary>
public sealed class SqliteAuditStoreTests : IDisposable
{
    private readonly ChildInfo.Testing.TempFolder _temp = ChildInfo.Testing.TempFolder.Create("childinfo-audit-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private string NewPath() => _temp.Combine($"audit-{Guid.NewGuid():N}.db");

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Insert_NamingAPredecessorThatIsNotTheRecordBefore_IsRefusedByTheDatabase()
    {
        var path = NewPath();
        var store = new SqliteAuditStore(path);
        await store.EnsureCreatedAsync();
        await using (var log = new AuditLog(store, Entries.Options(), TimeProvider.System))
        {
            for (var i = 1; i <= 3; i++)
            {
                await log.AppendAsync(Entries.Ordinary(i));
            }
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        // A second successor of record 2 (a fork), written past the lock as a fourth record: refused.
        var fork = Assert.Throws<SqliteException>(() => connection.Execute(
            "INSERT INTO audit_record SELECT 4, recorded_at, 'forked', user_id, role, organisation, purpose, child_ids, break_glass, preference_overridden, " +
            "outcome, operation_hash, payload, payload_digest, previous_hash, 'eeee', NULL FROM audit_record WHERE sequence = 3"));
        Assert.Contains("would fork", fork.Message);
        // The honest successor of record 3 is accepted.
        connection.Execute(
            "INSERT INTO audit_record SELECT 4, recorded_at, 'next', user_id, role, organisation, purpose, child_ids, break_glass, preference_overridden, " +
            "outcome, operation_hash, payload, payload_digest, record_hash, 'ffff', NULL FROM audit_record WHERE sequence = 3");
        Assert.Equal(4, await ScalarAsync(path, "SELECT COUNT(*) FROM audit_record"));
    }

    [Fact]
    public async Task FirstRecord_NotLinkedToGenesis_IsRefused()
    {
        var path = NewPath();
        await new SqliteAuditStore(path).EnsureCreatedAsync();
        await using var connection = new SqliteConnection($"Data Source={path}");

        var refused = Assert.Throws<SqliteException>(() => connection.Execute(
            "INSERT INTO audit_record (sequence, recorded_at, request_id, user_id, role, organisation, purpose, child_ids, break_glass, preference_overridden, " +
            "outcome, operation_hash, payload, payload_digest, previous_hash, record_hash) VALUES (1, 't', 'r', 'u', 'r', 'o', 'p', '[]', 0, 0, 'ok', 'h', NULL, 'd', 'not-genesis', 'x')"));
        Assert.Contains("would fork", refused.Message);
    }

    [Fact]
    public async Task NewFile_HasNoIndexOnTheHashes()
    {
        var path = NewPath();
        await new SqliteAuditStore(path).EnsureCreatedAsync();

        Assert.Equal(0, await ScalarAsync(path,
            "SELECT COUNT(*) FROM pragma_index_list('audit_record') l JOIN pragma_index_info(l.name) i WHERE i.name IN ('previous_hash', 'record_hash')"));
    }

    /// <summary>A file created with unique indexes on the two hashes (before the link trigger) is used as it is.</summary>
    [Fact]
    public async Task FileFromAnEarlierVersion_KeepsItsUniqueIndexes_AndTheChainContinues()
    {
        var path = NewPath();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Execute("""
                CREATE TABLE audit_record (
                    sequence INTEGER NOT NULL PRIMARY KEY, recorded_at TEXT NOT NULL, request_id TEXT NOT NULL, user_id TEXT NOT NULL,
                    role TEXT NOT NULL, organisation TEXT NOT NULL, purpose TEXT NOT NULL, child_ids TEXT NOT NULL,
                    break_glass INTEGER NOT NULL, preference_overridden INTEGER NOT NULL, outcome TEXT NOT NULL,
                    operation_hash TEXT NOT NULL, payload TEXT NULL, payload_digest TEXT NOT NULL,
                    previous_hash TEXT NOT NULL UNIQUE, record_hash TEXT NOT NULL UNIQUE, redacted_at TEXT NULL)
                """);
        }

        var store = new SqliteAuditStore(path);
        await store.EnsureCreatedAsync();
        await using var log = new AuditLog(store, Entries.Options(), TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => log.AppendAsync(Entries.Ordinary(i))));
        var result = await log.CreateVerifier().VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(30, result.RecordsChecked);
        Assert.Equal(2, await ScalarAsync(path,
            "SELECT COUNT(*) FROM pragma_index_list('audit_record') l JOIN pragma_index_info(l.name) i WHERE l.\"unique\" = 1 AND i.name IN ('previous_hash', 'record_hash')"));
    }

    /// <summary>A head row written before heads were signed: reported until the next append signs it.</summary>
    [Fact]
    public async Task HeadTableFromAnEarlierVersion_GainsTheSignatureColumns_AndTheNextAppendSignsTheHead()
    {
        var path = NewPath();
        var store = new SqliteAuditStore(path);
        await store.EnsureCreatedAsync();
        await using (var log = new AuditLog(store, Entries.Options(), TimeProvider.System))
        {
            for (var i = 1; i <= 3; i++)
            {
                await log.AppendAsync(Entries.Ordinary(i));
            }
        }
        store.Dispose();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            foreach (var column in new[] { "signed_at", "key_id", "signature" })
            {
                connection.Execute($"ALTER TABLE audit_chain_head DROP COLUMN {column}");
            }
        }

        var upgraded = new SqliteAuditStore(path);
        await upgraded.EnsureCreatedAsync();
        await using var again = new AuditLog(upgraded, Entries.Options(), TimeProvider.System);
        var unsigned = await again.CreateVerifier().VerifyAsync();
        await again.AppendAsync(Entries.Ordinary(4));
        var signed = await again.CreateVerifier().VerifyAsync();

        Assert.Equal(AuditBreakKind.BadHeadSignature, unsigned.FirstBreak?.Kind);
        Assert.Contains("The database's head (record 3) is not signed", unsigned.FirstBreak!.Explanation);
        Assert.True(signed.IsIntact, signed.Summary);
        Assert.Equal(4, signed.HeadSequence);
    }

    /// <summary>
    /// An append the database refuses part-way (here the link trigger, after the head was read) is rolled back on the
    /// writing connection, which goes back to the pool: nothing of it is stored, no connection is left inside its
    /// transaction, and the next append, once the cause is gone, continues the chain.
    /// </summary>
    [Fact]
    public async Task AppendRefusedInsideItsTransaction_IsRolledBack_AndTheNextAppendContinuesTheChain()
    {
        var path = NewPath();
        var store = new SqliteAuditStore(path);
        await store.EnsureCreatedAsync();
        await using var log = new AuditLog(store, Entries.Options(), TimeProvider.System);
        for (var i = 1; i <= 3; i++)
        {
            await log.AppendAsync(Entries.Ordinary(i));
        }

        var hash = (await store.ReadLastAsync())!.RecordHash;
        await using var connection = new SqliteConnection($"Data Source={path}");
        connection.Execute("UPDATE audit_record SET record_hash = 'changed' WHERE sequence = 3");

        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => log.AppendAsync(Entries.Ordinary(4)));
        Assert.Contains("would fork", refused.Message);
        Assert.Equal(3, await ScalarAsync(path, "SELECT COUNT(*) FROM audit_record"));
        Assert.Equal(3, await ScalarAsync(path, "SELECT last_sequence FROM audit_chain_head"));

        connection.Execute("UPDATE audit_record SET record_hash = @hash WHERE sequence = 3", new { hash });
        // Written on a pooled connection: one left inside the refused transaction would make this wait, then fail.
        await log.AppendAsync(Entries.Ordinary(5));
        var result = await log.CreateVerifier().VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal(4, result.RecordsChecked);
        Assert.Equal("req-5", (await store.ReadLastAsync())!.RequestId);
    }
}
