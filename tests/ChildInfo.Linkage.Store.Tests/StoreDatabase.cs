using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.Linkage.Store.Tests;

/// <summary>A fresh child index on a real engine, created as the child index subgraph creates it, with the store's options.</summary>
public sealed record StoreDatabase(DatabaseOptions Database, LinkageStoreOptions Options)
{
    public static async Task<StoreDatabase> CreateAsync(DatabaseProvider provider, string name, bool withSchema = true)
    {
        var database = await TestDatabases.CreateAsync(provider, name);
        if (withSchema)
        {
            await SchemaInstaller.EnsureCreatedAsync(new AgencyDatabase(database), new ChildIndexSubgraph().DatabaseSchema);
        }

        return new StoreDatabase(database, new LinkageStoreOptions { Provider = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", ConnectionString = database.ConnectionString! });
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await new AgencyDatabase(Database).OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await new AgencyDatabase(Database).OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
