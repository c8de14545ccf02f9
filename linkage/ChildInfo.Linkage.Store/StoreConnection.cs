using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChildInfo.Linkage.Store;

/// <summary>
/// The little that differs between SQLite and PostgreSQL for the store: opening a connection, how a date is passed
/// and read, DDL types, and multi-row inserts (values always as parameters, never spliced into SQL).
/// </summary>
internal sealed class StoreConnection(LinkageStoreOptions options)
{
    public bool IsPostgres => options.IsPostgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(options.ConnectionString) : new SqliteConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection is SqliteConnection)
            {
                // Another process (the child index subgraph) may be reading: wait for its lock rather than fail.
                await connection.ExecuteAsync("PRAGMA busy_timeout = 10000").ConfigureAwait(false);
                // A run inserts millions of blocking keys in key order of no kind: with SQLite's default 2 MB page
                // cache each insert into the key index reads pages from disk. Up to 256 MB, taken only as used.
                await connection.ExecuteAsync("PRAGMA cache_size = -262144").ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A date as this provider takes it: text on SQLite (as the agencies' writer stores it), a date on PostgreSQL.</summary>
    public object Date(DateOnly date) => IsPostgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date read back, whatever the provider returned.</summary>
    public static DateOnly ReadDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.FromDateTime(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces)),
        _ => throw new LinkageStoreException($"A date in the child index is stored as {value.GetType().Name}, which the store cannot read."),
    };

    /// <summary><paramref name="column"/> is one of the array parameter <paramref name="parameter"/>: <c>= ANY</c> on PostgreSQL (Npgsql takes the array whole), Dapper's list expansion elsewhere.</summary>
    public string In(string column, string parameter) => IsPostgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>T-SQL-typed DDL as this provider takes it.</summary>
    public string Ddl(string tsql) => IsPostgres ? tsql.Replace("NVARCHAR", "VARCHAR", StringComparison.OrdinalIgnoreCase) : tsql;

    /// <summary>True when <paramref name="table"/> exists.</summary>
    public async Task<bool> TableExistsAsync(DbConnection connection, string table, DbTransaction? transaction = null)
    {
        var sql = IsPostgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) = lower(@table) AND table_schema = current_schema()"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(@table)";
        return await connection.ExecuteScalarAsync<long>(sql, new { table }, transaction).ConfigureAwait(false) > 0;
    }

    /// <summary>The columns of <paramref name="table"/>, lower case.</summary>
    public static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table, DbTransaction? transaction = null)
    {
        await using var reader = await connection.ExecuteReaderAsync($"SELECT * FROM {table} WHERE 1 = 0", transaction: transaction).ConfigureAwait(false);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).ToLowerInvariant())];
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (one value per column, in order): on SQLite one prepared statement run per row
    /// inside the transaction (SQLite's fastest way), on PostgreSQL multi-row statements (fewer round trips).
    /// </summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$p" + i;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            var written = 0;
            foreach (var row in rows)
            {
                if (++written % 1_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var perStatement = Math.Max(1, 2_000 / columns.Count);
        foreach (var batch in rows.Chunk(perStatement))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sql = new System.Text.StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var parameters = new DynamicParameters();
            for (var r = 0; r < batch.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"p{r}_{c}";
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, batch[r][c]);
                }

                sql.Append(')');
            }

            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
