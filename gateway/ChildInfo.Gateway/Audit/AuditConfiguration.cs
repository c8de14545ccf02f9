using System.Globalization;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Resolves the audit settings of <c>childinfo serve</c> and <c>childinfo audit</c>: command-line values first, then
/// the environment (<c>CHILDINFO_AUDIT_STORE</c> = sqlite | postgres | sqlserver, <c>CHILDINFO_AUDIT_CONNECTION</c>,
/// <c>CHILDINFO_AUDIT_KEY_FILE</c>, <c>CHILDINFO_AUDIT_HEAD_FILE</c>, <c>CHILDINFO_AUDIT_RETENTION_DAYS</c>), then the
/// demo's defaults: SQLite at <c>DATA/audit.db</c> with the checkpoint key in <c>DATA/audit.key</c> (generated once).
/// The signed head file defaults to beside the SQLite file (<c>audit.head</c>), or to <c>DATA/audit.head</c> for a
/// database server.
/// </summary>
public sealed record AuditConfiguration(AuditStoreProvider Provider, string ConnectionString, string KeyFile, int? RetentionDays, string HeadFile)
{
    public const string StoreVariable = "CHILDINFO_AUDIT_STORE";
    public const string ConnectionVariable = "CHILDINFO_AUDIT_CONNECTION";
    public const string KeyFileVariable = "CHILDINFO_AUDIT_KEY_FILE";
    public const string HeadFileVariable = "CHILDINFO_AUDIT_HEAD_FILE";
    public const string RetentionVariable = "CHILDINFO_AUDIT_RETENTION_DAYS";

    /// <summary>Throws <see cref="ArgumentException"/> with a plain message when a value is unusable.</summary>
    public static AuditConfiguration Resolve(string dataDirectory, string? store, string? connection, string? keyFile, Func<string, string?> environment, string? headFile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var storeText = store ?? environment(StoreVariable) ?? "sqlite";
        if (!AuditStores.TryParseProvider(storeText, out var provider))
        {
            throw new ArgumentException($"Unknown audit store '{storeText}': use sqlite, postgres or sqlserver.");
        }

        var connectionString = connection ?? environment(ConnectionVariable);
        if (connectionString is null)
        {
            if (provider != AuditStoreProvider.Sqlite)
            {
                throw new ArgumentException($"The {storeText} audit store needs a connection string (--connection or {ConnectionVariable}).");
            }

            connectionString = Path.Combine(dataDirectory, "audit.db");
        }

        int? retention = null;
        if (environment(RetentionVariable) is { Length: > 0 } days)
        {
            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                throw new ArgumentException($"{RetentionVariable} must be a whole number of days, 1 or more, not '{days}'.");
            }

            retention = parsed;
        }

        var head = headFile ?? (environment(HeadFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null)
            ?? (provider == AuditStoreProvider.Sqlite ? Path.ChangeExtension(connectionString, ".head") : Path.Combine(dataDirectory, "audit.head"));
        return new AuditConfiguration(provider, connectionString, keyFile ?? environment(KeyFileVariable) ?? Path.Combine(dataDirectory, "audit.key"), retention, head);
    }

    /// <summary>The gateway's settings; generates the key file when it does not exist yet.</summary>
    public GatewayAuditOptions ToOptions() => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        CheckpointKey = AuditKeyFile.LoadOrCreate(KeyFile),
        CheckpointKeyId = Path.GetFileNameWithoutExtension(KeyFile),
        HeadFile = HeadFile,
        RetentionPeriod = RetentionDays is { } days ? TimeSpan.FromDays(days) : null,
    };
}
