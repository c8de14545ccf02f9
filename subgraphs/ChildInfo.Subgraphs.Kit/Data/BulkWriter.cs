using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Fast loading of many rows: one transaction with a prepared statement on SQLite, binary COPY on PostgreSQL,
/// SqlBulkCopy on SQL Server. Used by the synthetic data generator; values are passed as parameters, never
/// spliced into SQL.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DatabaseProvider _provider;
    private DbTransaction? _sqliteTransaction;

    private BulkWriter(DbConnection connection, DatabaseProvider provider)
    {
        _connection = connection;
        _provider = provider;
    }

    public static async Task<BulkWriter> OpenAsync(AgencyDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var writer = new BulkWriter(connection, database.Provider);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            writer._sqliteTransaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }
        return writer;
    }

    /// <summary>Inserts <paramref name="rows"/>; each row holds one value per column, in column order.</summary>
    public async Task InsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        switch (_provider)
        {
            case DatabaseProvider.Sqlite:
                await InsertSqliteAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
                break;
            case DatabaseProvider.Postgres:
                await InsertPostgresAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
                break;
            case DatabaseProvider.SqlServer:
                await InsertSqlServerAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {_provider}.");
        }
    }

    /// <summary>Makes everything written so far durable (SQLite commits its transaction and opens a new one).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_sqliteTransaction is not { } committing)
        {
            return;
        }
        // Forget the transaction before committing, so a cancellation between commit and the next begin cannot
        // make DisposeAsync commit it a second time.
        _sqliteTransaction = null;
        await committing.CommitAsync(cancellationToken).ConfigureAwait(false);
        await committing.DisposeAsync().ConfigureAwait(false);
        _sqliteTransaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertSqliteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)_connection;
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)_sqliteTransaction!;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        // SQLite is in-process: the async call only adds a state machine per row, so run the loop synchronously.
        await Task.Yield();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToDb(row[i]);
            }

            command.ExecuteNonQuery();
        }
    }

    private async Task InsertPostgresAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)_connection;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case DateOnly date:
                        await importer.WriteAsync(date, NpgsqlTypes.NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                        break;
                    case DateTime dateTime:
                        await importer.WriteAsync(DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified), NpgsqlTypes.NpgsqlDbType.Timestamp, cancellationToken).ConfigureAwait(false);
                        break;
                    case char c:
                        await importer.WriteAsync(c.ToString(), NpgsqlTypes.NpgsqlDbType.Char, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await importer.WriteAsync(value, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertSqlServerAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var data = new DataTable(table);
        data.Locale = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var column in columns)
        {
            data.Columns.Add(column, typeof(object));
        }

        foreach (var row in rows)
        {
            data.Rows.Add(row.Select(ToDb).ToArray());
        }

        using var copy = new SqlBulkCopy((SqlConnection)_connection) { DestinationTableName = table };
        foreach (var column in columns)
        {
            copy.ColumnMappings.Add(column, column);
        }

        await copy.WriteToServerAsync(data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SQLite and SqlBulkCopy take dates as text / DateTime; ADO.NET wants DBNull for null.</summary>
    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        char c => c.ToString(),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        if (_sqliteTransaction is not null)
        {
            await _sqliteTransaction.CommitAsync().ConfigureAwait(false);
            await _sqliteTransaction.DisposeAsync().ConfigureAwait(false);
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
