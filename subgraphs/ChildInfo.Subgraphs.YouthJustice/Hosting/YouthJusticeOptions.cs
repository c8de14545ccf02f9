using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.YouthJustice.Hosting;

/// <summary>
/// Where the subgraph's sample data comes from. Bound from configuration: <c>YouthJustice__ChildIndexDatabase</c>
/// (or <c>--child-index FILE</c>), <c>YouthJustice__Seed</c> and <c>--data DIR</c>; the agency database itself is
/// configured like every agency's (<c>Database__Provider</c>, <c>Database__ConnectionString</c>).
/// </summary>
public sealed record YouthJusticeOptions
{
    /// <summary>The embedded demo's child index, relative to the current directory.</summary>
    public const string DefaultChildIndexDatabase = "data/demo/child-index.db";

    /// <summary>The child-index SQLite file the seed takes its children from.</summary>
    public string ChildIndexDatabase { get; init; } = DefaultChildIndexDatabase;

    /// <summary>
    /// A folder holding the demo's databases (<c>--data DIR</c>): the child index is read from
    /// <c>DIR/child-index.db</c> and, unless a database is configured, the subgraph keeps its own SQLite file as
    /// <c>DIR/youth-justice.db</c> beside the others.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Seed an empty database with sample cases at start; false for a real service's database.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>Command-line switches beside the configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--data"] = "YouthJustice:DataDirectory",
        ["--child-index"] = "YouthJustice:ChildIndexDatabase",
    };

    public static YouthJusticeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("YouthJustice");
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } directory ? directory : null;
        var seed = section["Seed"] switch
        {
            null or "" => true,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new ArgumentException($"YouthJustice:Seed must be true or false, not '{text}'."),
        };
        return new YouthJusticeOptions
        {
            DataDirectory = dataDirectory,
            ChildIndexDatabase = section["ChildIndexDatabase"] is { Length: > 0 } file ? file
                : dataDirectory is not null ? Path.Combine(dataDirectory, "child-index.db")
                : DefaultChildIndexDatabase,
            Seed = seed,
        };
    }

    /// <summary>
    /// The agency database when <see cref="DataDirectory"/> places it (SQLite, no connection string configured);
    /// null leaves it to the kit (<c>Database</c> section, or <c>data/youth-justice.db</c>).
    /// </summary>
    public DatabaseOptions? DatabaseIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (DataDirectory is null || configured.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(configured.ConnectionString))
        {
            return null;
        }

        Directory.CreateDirectory(DataDirectory);
        return configured with { ConnectionString = $"Data Source={Path.Combine(DataDirectory, "youth-justice.db")}" };
    }
}
