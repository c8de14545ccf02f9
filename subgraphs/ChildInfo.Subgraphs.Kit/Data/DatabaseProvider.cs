namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>The database engines an agency subgraph can sit over.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file: the default, needs no server.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql.</summary>
    Postgres,

    /// <summary>SQL Server through Microsoft.Data.SqlClient.</summary>
    SqlServer,
}
