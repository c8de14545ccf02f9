namespace ChildInfo.Gateway.Audit;

/// <summary>Which database holds the audit chain.</summary>
public enum AuditStoreProvider
{
    /// <summary>One SQLite file (the embedded default); the connection string is the file's path.</summary>
    Sqlite,

    /// <summary>PostgreSQL; the connection string is an Npgsql connection string.</summary>
    Postgres,

    /// <summary>SQL Server; the connection string is a SqlClient connection string.</summary>
    SqlServer,
}
