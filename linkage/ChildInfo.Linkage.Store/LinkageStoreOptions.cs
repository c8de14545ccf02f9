namespace ChildInfo.Linkage.Store;

/// <summary>The child index database the store writes: its provider and connection string.</summary>
public sealed record LinkageStoreOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; init; } = "sqlite";

    public string ConnectionString { get; init; } = "";

    /// <summary>True for PostgreSQL (case-insensitive <c>postgres</c> or <c>postgresql</c>).</summary>
    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsPostgres && !Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The child index provider '{Provider}' is not one the linkage store writes: use sqlite or postgres.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("The child index connection string is empty.");
        }

        return problems;
    }
}
