using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Testing;

/// <summary>
/// A fresh, empty database on a real engine of the given provider, so one test suite runs against each provider
/// through a one-line subclass that names it.
/// </summary>
public static class TestDatabases
{
    public static async Task<DatabaseOptions> CreateAsync(DatabaseProvider provider, string name) => provider switch
    {
        DatabaseProvider.Sqlite => SubgraphTestHost.TempSqlite(name),
        DatabaseProvider.Postgres => new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = await RealServers.PostgresDatabaseAsync(name).ConfigureAwait(false),
        },
        DatabaseProvider.SqlServer => SqlServerOrSkip(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>SQL Server runs only where a connection string is given (no server can be installed here).</summary>
    private static DatabaseOptions SqlServerOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable("CHILDINFO_TEST_SQLSERVER");
        if (string.IsNullOrEmpty(connectionString))
        {
            Xunit.Assert.Skip("SQL Server not available: set CHILDINFO_TEST_SQLSERVER to a connection string to run the SQL Server suite.");
        }

        return new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = connectionString };
    }
}
