namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Where an agency's database is. Bound from configuration section <c>Database</c>
/// (for example <c>Database__Provider=Postgres</c>, <c>Database__ConnectionString=Host=...</c>).
/// </summary>
public sealed record DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Provider connection string; for SQLite a missing value means <c>data/&lt;subgraph&gt;.db</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Create the agency's tables at start-up when they are missing.</summary>
    public bool CreateSchema { get; init; } = true;

    public static DatabaseOptions SqliteFile(string path) =>
        new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
}
