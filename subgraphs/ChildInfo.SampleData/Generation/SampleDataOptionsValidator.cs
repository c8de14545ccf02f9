using ChildInfo.SampleData.Population;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Generation;

/// <summary>Checks options before anything is written; returns every problem found, in plain words.</summary>
public static class SampleDataOptionsValidator
{
    public static IReadOnlyList<string> Validate(SampleDataOptions options, IReadOnlyCollection<string> availableAgencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(availableAgencies);
        var problems = new List<string>();
        if (options.Children is < SampleDataOptions.MinChildren or > SampleDataOptions.MaxChildren)
        {
            problems.Add($"The number of children must be between {SampleDataOptions.MinChildren:N0} and {SampleDataOptions.MaxChildren:N0} (was {options.Children:N0}).");
        }

        if (options.ChunkSize is < SampleDataOptions.MinChunkSize or > SampleDataOptions.MaxChunkSize)
        {
            problems.Add($"The chunk size must be between {SampleDataOptions.MinChunkSize:N0} and {SampleDataOptions.MaxChunkSize:N0} (was {options.ChunkSize:N0}).");
        }

        if (options.ReferenceDate.Year is < 2000 or > 2100)
        {
            problems.Add($"The reference date must be between 2000 and 2100 (was {options.ReferenceDate:yyyy-MM-dd}).");
        }

        if (!Enum.IsDefined(options.Provider))
        {
            problems.Add($"Unknown database provider '{options.Provider}'.");
        }

        foreach (var agency in options.Agencies ?? [])
        {
            if (!Agency.All.Contains(agency))
            {
                problems.Add($"Unknown agency '{agency}'; the agencies are {string.Join(", ", Agency.All)}.");
            }
            else if (!availableAgencies.Contains(agency))
            {
                problems.Add($"No writer for agency '{agency}' is available in this build.");
            }
        }
        foreach (var agency in options.Databases.Keys)
        {
            if (!Agency.All.Contains(agency))
            {
                problems.Add($"Unknown agency '{agency}' in the database settings; the agencies are {string.Join(", ", Agency.All)}.");
            }
        }

        var selected = (options.Agencies ?? availableAgencies).Where(Agency.All.Contains).ToArray();
        if (selected.Length == 0)
        {
            problems.Add("No agency writers are available to generate data with.");
        }

        var sqliteFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var agency in selected)
        {
            var database = options.DatabaseFor(agency);
            if (string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                problems.Add($"{ProviderName(database.Provider)} needs a connection string for '{agency}': give a connection template with {{agency}} in it, or a database for that agency.");
                continue;
            }
            if (database.Provider == DatabaseProvider.Sqlite && SqliteFiles.PathOf(database) is { } path)
            {
                sqliteFolders.Add(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            }
        }
        foreach (var folder in sqliteFolders)
        {
            if (CannotWrite(folder) is { } reason)
            {
                problems.Add($"The output folder '{folder}' is not writable: {reason}");
            }
        }
        return problems;
    }

    internal static string ProviderName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => "PostgreSQL",
        DatabaseProvider.SqlServer => "SQL Server",
        _ => "SQLite",
    };

    private static string? CannotWrite(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".childinfo-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ex.Message;
        }
    }
}
