using System.Data.Common;
using ChildInfo.Audit.Storage;
using ChildInfo.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChildInfo.Audit.Tests.Storage;

public sealed class AuditStoreTests_Sqlite : AuditStoreTests
{
    protected override Task<(IAuditStore Store, Func<DbConnection> Connect)> NewStoreAsync()
    {
        var path = Temp.Combine($"audit-{Guid.NewGuid():N}.db");
        return Task.FromResult<(IAuditStore, Func<DbConnection>)>((new SqliteAuditStore(path), () => new SqliteConnection($"Data Source={path}")));
    }
}

public sealed class AuditStoreTests_Postgres : AuditStoreTests
{
    protected override async Task<(IAuditStore Store, Func<DbConnection> Connect)> NewStoreAsync()
    {
        var connectionString = await RealServers.PostgresDatabaseAsync("audit");
        return (new PostgresAuditStore(connectionString), () => new NpgsqlConnection(connectionString));
    }
}

public sealed class AuditStoreTests_SqlServer : AuditStoreTests
{
    protected override Task<(IAuditStore Store, Func<DbConnection> Connect)> NewStoreAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("CHILDINFO_TEST_SQLSERVER");
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.Skip("SQL Server not available: set CHILDINFO_TEST_SQLSERVER to a connection string to run the SQL Server suite.");
        }

        return Task.FromResult<(IAuditStore, Func<DbConnection>)>((new SqlServerAuditStore(connectionString), () => new Microsoft.Data.SqlClient.SqlConnection(connectionString)));
    }
}
