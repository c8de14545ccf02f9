using System.Data.Common;
using Dapper;

namespace ChildInfo.Subgraphs.SocialCare.Data;

/// <summary>Runs a parameterised query and hands back its rows as column-name dictionaries.</summary>
internal static class SqlRows
{
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> QueryAsync(
        DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (IDictionary<string, object?>)r).ToList();
    }
}
