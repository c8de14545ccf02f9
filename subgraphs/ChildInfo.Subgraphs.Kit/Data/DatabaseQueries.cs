using Dapper;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>Runs one parameterised query on a fresh connection; the repositories keep their SQL beside them.</summary>
public static class DatabaseQueries
{
    public static async Task<IEnumerable<T>> QueryAsync<T>(this AgencyDatabase database, QueryCounter counter, string sql, object? parameters, CancellationToken cancellationToken)
    {
        counter.Record(null);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyDictionary<TKey, T>> QueryByKeyAsync<TKey, T>(
        this AgencyDatabase database, QueryCounter counter, string sql, object? parameters, Func<T, TKey> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var rows = await database.QueryAsync<T>(counter, sql, parameters, cancellationToken).ConfigureAwait(false);
        var byKey = new Dictionary<TKey, T>();
        foreach (var row in rows)
        {
            byKey[key(row)] = row;
        }

        return byKey;
    }
}
