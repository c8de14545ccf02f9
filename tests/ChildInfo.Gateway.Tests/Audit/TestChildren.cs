using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>Child ids of the test deployment, read from the child index.</summary>
public static class TestChildren
{
    /// <summary>Children the index links to a record in each of the four agencies.</summary>
    public static async Task<List<string>> LinkedEverywhereAsync(GatewayEnvironment environment, int count)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id HAVING COUNT(DISTINCT source_system) = 4 ORDER BY child_id LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
