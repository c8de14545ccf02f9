using System.Data.Common;
using System.Globalization;
using ChildInfo.Subgraphs.Kit.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// Counts worked out straight from the generated databases with SQL of the test's own, to check the gateway's answers
/// against: the agencies' tables, the child index's links and the children's dates of birth. The SQL is written once
/// for SQLite and PostgreSQL (<c>@name</c> parameters, dates passed as <see cref="DateOnly"/>).
/// </summary>
public sealed class GroundTruth
{
    private readonly Func<string, DbConnection> _open;

    /// <summary>Over the generator's SQLite files in <paramref name="dataDirectory"/>, read-only.</summary>
    public GroundTruth(string dataDirectory) =>
        _open = database => new SqliteConnection($"Data Source={Path.Combine(dataDirectory, database + ".db")};Mode=ReadOnly;Pooling=False");

    /// <summary>Over the databases the generator wrote, by agency name (SQLite or PostgreSQL).</summary>
    public GroundTruth(IReadOnlyDictionary<string, DatabaseOptions> databases) => _open = database => databases[database] switch
    {
        { Provider: DatabaseProvider.Postgres } postgres => new NpgsqlConnection(postgres.ConnectionString),
        { Provider: DatabaseProvider.Sqlite } sqlite => new SqliteConnection(sqlite.ConnectionString),
        var other => throw new NotSupportedException($"No ground truth over {other.Provider}."),
    };

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
                Add(command, name, value);
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
        links.CommandText = "SELECT local_id, child_id FROM ci_record_link WHERE source_system = @source";
        Add(links, "@source", source);
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
    public Dictionary<string, int> Population(DateOnly asAt) =>
        Children(asAt).ToDictionary(c => c.Key, c => c.Value.Age, StringComparer.Ordinal);

    /// <summary>Every child in the population as at <paramref name="asAt"/>, with their age on it and their ethnic group (<see cref="EthnicityGroup"/>).</summary>
    public Dictionary<string, (int Age, string Ethnicity)> Children(DateOnly asAt)
    {
        var children = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        using var index = Open("child-index");
        using var command = index.CreateCommand();
        command.CommandText = "SELECT child_id, dob, ethnicity FROM ci_child";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var dob = reader.GetValue(1) switch
            {
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                DateOnly date => date,
                var text => DateOnly.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)![..10], CultureInfo.InvariantCulture),
            };
            var age = asAt.Year - dob.Year - (asAt < dob.AddYears(asAt.Year - dob.Year) ? 1 : 0);
            if (dob <= asAt && age < 18)
            {
                children[reader.GetString(0)] = (age, EthnicityGroup(reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return children;
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

    /// <summary>The DfE major ethnic group of a census ethnicity code (Chinese counted with Asian, as the ONS does); Unknown when refused, not obtained or missing.</summary>
    public static string EthnicityGroup(string? code) => code switch
    {
        null or "" or "REFU" or "NOBT" => "Unknown",
        "CHNE" => "Asian",
        _ when code.StartsWith('W') => "White",
        _ when code.StartsWith('M') => "Mixed",
        _ when code.StartsWith('A') => "Asian",
        _ when code.StartsWith('B') => "Black",
        _ when code.StartsWith('O') => "Other",
        _ => "Unknown",
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private DbConnection Open(string database)
    {
        var connection = _open(database);
        connection.Open();
        return connection;
    }
}
