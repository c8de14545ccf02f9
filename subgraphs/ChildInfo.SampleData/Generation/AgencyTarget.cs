using System.Data.Common;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.SampleData.Generation;

/// <summary>One agency's destination database: checked, cleared when asked, created, then counted at the end.</summary>
internal sealed class AgencyTarget
{
    public AgencyTarget(IAgencyWriter writer, DatabaseOptions options)
    {
        Writer = writer;
        Options = options;
    }

    public IAgencyWriter Writer { get; }

    public DatabaseOptions Options { get; }

    public AgencyDatabase Database => _database ??= new AgencyDatabase(Options with { CreateSchema = true });

    private AgencyDatabase? _database;

    /// <summary>Where the data goes, for people: a file path, or provider and database name (no credentials).</summary>
    public string Describe()
    {
        if (SqliteFiles.PathOf(Options) is { } path)
        {
            return path;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = Options.ConnectionString };
        var name = builder.TryGetValue("Database", out var db) ? db : builder.TryGetValue("Initial Catalog", out var catalog) ? catalog : "?";
        return $"{SampleDataOptionsValidator.ProviderName(Options.Provider)} database {name}";
    }

    /// <summary>Returns why this target must not be written (it holds data and overwriting was not asked for), or null.</summary>
    public async Task<string?> CheckAsync(bool overwrite, CancellationToken cancellationToken)
    {
        if (overwrite)
        {
            return null;
        }
        // A SQLite file that is not there yet is fine (and must not be created by looking); one that holds the
        // agency's tables with no rows in them (a subgraph started before any data) is fine too.
        if (SqliteFiles.PathOf(Options) is { } path && !SqliteFiles.HoldsData(path))
        {
            return null;
        }

        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in Writer.Schema.Tables)
        {
            if (await TableExistsAsync(connection, table).ConfigureAwait(false)
                && await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}").ConfigureAwait(false) > 0)
            {
                return $"The {Writer.Agency} database ({Describe()}) already holds data in {table}; use --force (overwrite) to replace it.";
            }
        }
        return null;
    }

    /// <summary>Clears the target when overwriting, then creates the agency's tables.</summary>
    public async Task PrepareAsync(bool overwrite, CancellationToken cancellationToken)
    {
        if (SqliteFiles.PathOf(Options) is { } path)
        {
            if (overwrite)
            {
                SqliteFiles.Delete(path);
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }
        else if (overwrite)
        {
            await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in Writer.Schema.Tables.Reverse())
            {
                if (await TableExistsAsync(connection, table).ConfigureAwait(false))
                {
                    var drop = Options.Provider == DatabaseProvider.Postgres ? $"DROP TABLE {table} CASCADE" : $"DROP TABLE {table}";
                    await connection.ExecuteAsync(new CommandDefinition(drop, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
            }
        }
        await SchemaInstaller.EnsureCreatedAsync(Database, Writer.Schema, cancellationToken).ConfigureAwait(false);
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            // Children arrive in random key order (opaque ids), so a large table's inserts touch pages all over the
            // file; SQLite's default 2 MB page cache then makes every insert a read. The suggested cache size is
            // kept in the file, so the bulk writer's own connection picks it up; FinishAsync puts it back.
            await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA default_cache_size={LoadingCachePages};", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Pages of cache while loading (4 KB pages: 64 MB per agency).</summary>
    private const int LoadingCachePages = 16_000;

    /// <summary>Folds SQLite's write-ahead log into the file, so the database is one self-contained file.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (Options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA default_cache_size=0; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, long>>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<KeyValuePair<string, long>>();
        foreach (var table in Writer.Schema.Tables)
        {
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", cancellationToken: cancellationToken)).ConfigureAwait(false);
            counts.Add(new(table, count));
        }
        return counts;
    }

    private async Task<bool> TableExistsAsync(DbConnection connection, string table)
    {
        var sql = Options.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(@table)",
            DatabaseProvider.Postgres => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND lower(table_name) = lower(@table)",
            _ => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = SCHEMA_NAME() AND lower(table_name) = lower(@table)",
        };
        return await connection.ExecuteScalarAsync<long>(sql, new { table }).ConfigureAwait(false) > 0;
    }
}
