using ChildInfo.Audit.Storage;

namespace ChildInfo.Gateway.Audit;

/// <summary>Opens the configured audit store.</summary>
public static class AuditStores
{
    public static IAuditStore Open(AuditStoreProvider provider, string connectionString) => provider switch
    {
        AuditStoreProvider.Sqlite => new SqliteAuditStore(connectionString),
        AuditStoreProvider.Postgres => new PostgresAuditStore(connectionString),
        AuditStoreProvider.SqlServer => new SqlServerAuditStore(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown audit store provider."),
    };

    /// <summary>Reads a provider name as the command line and configuration spell it (sqlite, postgres, sqlserver).</summary>
    public static bool TryParseProvider(string text, out AuditStoreProvider provider)
    {
        switch (text.ToLowerInvariant())
        {
            case "sqlite":
                provider = AuditStoreProvider.Sqlite;
                return true;
            case "postgres" or "postgresql":
                provider = AuditStoreProvider.Postgres;
                return true;
            case "sqlserver" or "mssql":
                provider = AuditStoreProvider.SqlServer;
                return true;
            default:
                provider = default;
                return false;
        }
    }
}
