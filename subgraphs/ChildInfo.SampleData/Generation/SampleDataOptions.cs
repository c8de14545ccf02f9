using ChildInfo.SampleData.Population;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Generation;

/// <summary>What to generate and where to write it.</summary>
public sealed record SampleDataOptions
{
    public const int MinChildren = 100;
    public const int MaxChildren = 1_000_000;
    public const int MinChunkSize = 100;
    public const int MaxChunkSize = 100_000;
    public const int DefaultSeed = 1;

    /// <summary>How many children (100 to 1,000,000).</summary>
    public int Children { get; init; } = 10_000;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>"Today" in the synthetic world (a census day by default); never the machine's clock.</summary>
    public DateOnly ReferenceDate { get; init; } = PopulationGenerator.DefaultReferenceDate;

    /// <summary>Folder for the SQLite files, one <c>&lt;agency&gt;.db</c> per agency.</summary>
    public string OutputDirectory { get; init; } = "data";

    /// <summary>The provider for every agency without its own entry in <see cref="Databases"/>.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For PostgreSQL or SQL Server: a connection string in which <c>{agency}</c> becomes the agency name with
    /// underscores (<c>child_index</c>, <c>education</c>, <c>early_years</c>, <c>social_care</c>, <c>voluntary_sector</c>).
    /// </summary>
    public string? ConnectionTemplate { get; init; }

    /// <summary>Per-agency databases (keyed by agency name), overriding the provider, template and output folder.</summary>
    public IReadOnlyDictionary<string, DatabaseOptions> Databases { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, DatabaseOptions>.Empty;

    /// <summary>Only these agencies (null: every agency with a writer).</summary>
    public IReadOnlyList<string>? Agencies { get; init; }

    /// <summary>Children generated and written per batch.</summary>
    public int ChunkSize { get; init; } = 5_000;

    /// <summary>Replace databases that already hold data (otherwise generation refuses to touch them).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Where <paramref name="agency"/>'s data goes.</summary>
    public DatabaseOptions DatabaseFor(string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (Databases.TryGetValue(agency, out var configured))
        {
            return configured;
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            return DatabaseOptions.SqliteFile(Path.Combine(OutputDirectory, agency + ".db"));
        }

        return new DatabaseOptions
        {
            Provider = Provider,
            ConnectionString = ConnectionTemplate?.Replace("{agency}", agency.Replace('-', '_'), StringComparison.Ordinal),
        };
    }
}
