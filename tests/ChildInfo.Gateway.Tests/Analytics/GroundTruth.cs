using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// Counts worked out straight from the generated databases with SQL of the test's own, to check the gateway's answers
/// against: the agencies' tables, the child index's links and the children's dates of birth.
/// </summary>
public sealed class GroundTruth(string dataDirectory)
{
    /// <summary>The children (by child index id) linked to the agency records <paramref name="sql"/> selects (one column: the local id).</summary>
    public HashSet<string> Children(string agencyDatabase, string source, string sql, params (string Name, object Value)[] parameters)
    {
        var localIds = new HashSet<string>(StringComparer.Ordinal);
        using (var connection = Open(agencyDatabase))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                localIds.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
            }
        }

        var children = new HashSet<string>(StringComparer.Ordinal);
        using var index = Open("child-index");
        using var links = index.CreateCommand();
        links.CommandText = "SELECT local_id, child_id FROM ci_record_link WHERE source_system = $source";
        links.Parameters.AddWithValue("$source", source);
        using var rows = links.ExecuteReader();
        while (rows.Read())
        {
            if (localIds.Contains(rows.GetString(0)))
            {
                children.Add(rows.GetString(1));
            }
        }

        return children;
    }

    /// <summary>Every child in the population as at <paramref name="asAt"/> (born on or before it, under 18 on it), with their age on it.</summary>
    public Dictionary<string, int> Population(DateOnly asAt)
    {
        var ages = new Dictionary<string, int>(StringComparer.Ordinal);
        using var index = Open("child-index");
        using var command = index.CreateCommand();
        command.CommandText = "SELECT child_id, dob FROM ci_child";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var dob = DateOnly.Parse(reader.GetString(1)[..10], CultureInfo.InvariantCulture);
            var age = asAt.Year - dob.Year - (asAt < dob.AddYears(asAt.Year - dob.Year) ? 1 : 0);
            if (dob <= asAt && age < 18)
            {
                ages[reader.GetString(0)] = age;
            }
        }

        return ages;
    }

    /// <summary>The DfE age band of an age in whole years.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 1 => "under 1",
        <= 4 => "1-4",
        <= 9 => "5-9",
        <= 15 => "10-15",
        _ => "16-17",
    };

    private SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, database + ".db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
