namespace ChildInfo.Gateway.Cli;

/// <summary>
/// The linkage job (<c>ChildInfo:Linkage</c>): the child index database it writes. The embedded demo writes its own
/// (<c>DIR/child-index.db</c>) unless told otherwise; a gateway serving a configured supergraph runs the job only
/// when <c>Connection</c> is set.
/// </summary>
public sealed class LinkageSettings
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The child index's SQLite file or connection string; null: the demo's, or none.</summary>
    public string? Connection { get; set; }

    /// <summary>The job's options, or null when it has no child index to write.</summary>
    public Linkage.LinkageJobOptions? ToOptions(string dataDirectory, bool embeddedDemo)
    {
        var connection = Connection is { Length: > 0 } configured ? configured : embeddedDemo ? Path.Combine(dataDirectory, "child-index.db") : null;
        if (connection is null)
        {
            return null;
        }

        var sqlite = string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
        return new Linkage.LinkageJobOptions
        {
            ChildIndex = new ChildInfo.Linkage.Store.LinkageStoreOptions
            {
                Provider = Provider,
                ConnectionString = sqlite && !connection.Contains('=', StringComparison.Ordinal) ? $"Data Source={connection}" : connection,
            },
        };
    }
}
