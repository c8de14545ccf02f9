using System.Data.Common;
using Dapper;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Runs a parameterised query and hands back its rows as column-name dictionaries. Names match whatever case
/// the provider returns them in (PostgreSQL folds the legacy mixed-case names to lower case).
/// </summary>
public static class SqlRows
{
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> QueryAsync(
        DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>((IDictionary<string, object?>)r, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// Whether <paramref name="query"/> (a parameterised <c>SELECT 1 FROM ... WHERE ...</c>) finds any row, asked as
    /// <c>EXISTS</c> so the database stops at the first one; the same text runs on SQLite, PostgreSQL and SQL Server.
    /// </summary>
    public static async Task<bool> ExistsAsync(DbConnection connection, string query, object? parameters, CancellationToken cancellationToken)
    {
        var found = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT CASE WHEN EXISTS ({query}) THEN 1 ELSE 0 END", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found == 1;
    }
}
