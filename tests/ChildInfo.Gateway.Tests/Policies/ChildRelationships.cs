using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>A child's current relationships in the sample data's child index: one holder per holder type.</summary>
internal static class ChildRelationships
{
    public static Dictionary<string, string> Of(GatewayEnvironment environment, string childId)
    {
        using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT holder_type, holder FROM ci_relationship WHERE child_id = $id AND end_date IS NULL ORDER BY relationship_id";
        command.Parameters.AddWithValue("$id", childId);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            holders.TryAdd(reader.GetString(0), reader.GetString(1));
        }

        return holders;
    }

    /// <summary>Children of the sample data with a current relationship of <paramref name="kind"/>, and others with none of it.</summary>
    public static (List<string> With, List<string> Without) ByKind(GatewayEnvironment environment, string kind)
    {
        using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.child_id, EXISTS (SELECT 1 FROM ci_relationship r WHERE r.child_id = c.child_id AND r.kind = $kind AND r.end_date IS NULL)
            FROM ci_child c ORDER BY c.child_id
            """;
        command.Parameters.AddWithValue("$kind", kind);
        var with = new List<string>();
        var without = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            (reader.GetInt64(1) == 1 ? with : without).Add(reader.GetString(0));
        }

        return (with, without);
    }
}
