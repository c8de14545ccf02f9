using Dapper;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>Creates an agency's tables when they are missing; leaves an existing database alone.</summary>
public static class SchemaInstaller
{
    public static async Task<bool> EnsureCreatedAsync(AgencyDatabase database, AgencySchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(schema);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var existing = 0;
        foreach (var table in schema.Tables)
        {
            if (await TableExistsAsync(connection, database.Provider, table).ConfigureAwait(false))
            {
                existing++;
            }
        }
        if (existing == schema.Tables.Count)
        {
            return false;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException(
                $"The {schema.Name} database has only {existing} of its {schema.Tables.Count} tables; refusing to change a partly created schema.");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in SqlDialect.SplitStatements(database.Dialect.TranslateDdl(schema.Script)))
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task<bool> TableExistsAsync(System.Data.Common.DbConnection connection, DatabaseProvider provider, string table)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(@table)"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) = lower(@table)";
        return connection.ExecuteScalarAsync<long>(sql, new { table }).ContinueWith(t => t.Result > 0, TaskScheduler.Default);
    }
}
