namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// The few places where the three providers' SQL differs. Agency schemas are written once in T-SQL types
/// (NVARCHAR, INT, DATE, DATETIME2, DECIMAL, CHAR); the dialect rewrites them for PostgreSQL, and SQLite
/// accepts them as they are (type affinity).
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(DatabaseProvider.Sqlite);
    public static readonly SqlDialect Postgres = new(DatabaseProvider.Postgres);
    public static readonly SqlDialect SqlServer = new(DatabaseProvider.SqlServer);

    private SqlDialect(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Clause that limits a query to its first <paramref name="rows"/> rows; goes after ORDER BY.</summary>
    public string Limit(int rows) => Provider == DatabaseProvider.SqlServer
        ? $"OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY"
        : $"LIMIT {rows}";

    /// <summary>
    /// Membership test against a list parameter: Dapper expands <c>IN @ids</c> on SQLite and SQL Server, but hands
    /// PostgreSQL the list as one array, which needs <c>= ANY(@ids)</c>. Write <c>WHERE {dialect.In("upn", "@ids")}</c>.
    /// </summary>
    public string In(string column, string listParameter) => Provider == DatabaseProvider.Postgres
        ? $"{column} = ANY({listParameter})"
        : $"{column} IN {listParameter}";

    /// <summary>
    /// A column in a condition that must not choose an index: for reads of most of a table (a whole population, all of
    /// one source's links). SQLite keeps no row-count statistics by default and takes an index for any range or
    /// equality it can, which then costs a random row lookup per row (at 100,000 children 0.73 s against 0.09 s for
    /// the scan); its unary <c>+</c> turns that off. PostgreSQL and SQL Server choose by their statistics.
    /// </summary>
    public string Unindexed(string column) => Provider == DatabaseProvider.Sqlite ? "+" + column : column;

    /// <summary>Rewrites a T-SQL-typed DDL script for this provider.</summary>
    public string TranslateDdl(string tsql) => Provider switch
    {
        DatabaseProvider.Postgres => tsql
            .Replace("NVARCHAR(MAX)", "TEXT", StringComparison.OrdinalIgnoreCase)
            .Replace("NVARCHAR", "VARCHAR", StringComparison.OrdinalIgnoreCase)
            .Replace("NCHAR", "CHAR", StringComparison.OrdinalIgnoreCase)
            .Replace("DATETIME2", "TIMESTAMP", StringComparison.OrdinalIgnoreCase),
        DatabaseProvider.Sqlite => tsql.Replace("NVARCHAR(MAX)", "TEXT", StringComparison.OrdinalIgnoreCase),
        _ => tsql,
    };

    /// <summary>Splits a script into statements on lines that hold only <c>GO</c> or on semicolons at line end.</summary>
    public static IReadOnlyList<string> SplitStatements(string script)
    {
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var rawLine in script.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("--", StringComparison.Ordinal) || trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                continue;
            }
            current.AppendLine(line);
            if (trimmed.EndsWith(';'))
            {
                Flush();
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            var text = current.ToString().Trim().TrimEnd(';').Trim();
            if (text.Length > 0)
            {
                statements.Add(text);
            }

            current.Clear();
        }
    }
}
