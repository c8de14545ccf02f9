using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// One agency's database: opens connections for the configured provider and knows its dialect.
/// Queries are plain parameterised SQL run with Dapper beside the code that needs them.
/// </summary>
public sealed class AgencyDatabase
{
    private readonly DbDataSource? _dataSource;

    public AgencyDatabase(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("A database connection string is required.", nameof(options));
        }

        DapperConfiguration.Apply();
        Options = options;
        Dialect = SqlDialect.For(options.Provider);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        }
    }

    public DatabaseOptions Options { get; }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Options.Provider;

    private long _connectionsOpened;

    /// <summary>Connections opened so far: every query opens one, so tests use it to prove batching.</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _connectionsOpened);
        DbConnection connection = Options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(Options.ConnectionString),
            DatabaseProvider.Postgres => _dataSource!.CreateConnection(),
            DatabaseProvider.SqlServer => new SqlConnection(Options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {Options.Provider}."),
        };
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection is SqliteConnection sqlite)
            {
                await SqlitePragmas.ApplyAsync(sqlite, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
