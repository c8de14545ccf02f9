using ChildInfo.Audit;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Where the gateway keeps its audit chain and how: the store, the checkpoint key, the head file, retention. The
/// embedded demo uses <see cref="ForDataDirectory"/>: <c>audit.db</c>, <c>audit.head</c> and <c>audit.key</c> in its
/// data folder.
/// </summary>
public sealed record GatewayAuditOptions
{
    public AuditStoreProvider Provider { get; init; } = AuditStoreProvider.Sqlite;

    /// <summary>For SQLite, the file's path; otherwise the provider's connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>HMAC key for signed checkpoints, at least 32 bytes.</summary>
    public required byte[] CheckpointKey { get; init; }

    public string CheckpointKeyId { get; init; } = "default";

    public int CheckpointInterval { get; init; } = 1000;

    /// <summary>The file outside the database holding the chain's signed head, rewritten after every commit; null: none.</summary>
    public string? HeadFile { get; init; }

    /// <summary>How long the details of a record (operation text, justification, fields) are kept; null keeps them.</summary>
    public TimeSpan? RetentionPeriod { get; init; }

    /// <summary>The audit library's settings.</summary>
    public AuditOptions ToAuditOptions() => new()
    {
        CheckpointKey = CheckpointKey,
        CheckpointKeyId = CheckpointKeyId,
        CheckpointInterval = CheckpointInterval,
        HeadFile = HeadFile,
        RetentionPeriod = RetentionPeriod,
    };

    /// <summary>
    /// The demo's audit: SQLite at <c>DIR/audit.db</c> with its signed head in <c>DIR/audit.head</c>, the checkpoint key
    /// in <c>DIR/audit.key</c> (generated on first use), unless <paramref name="keyFile"/> names another key file.
    /// </summary>
    public static GatewayAuditOptions ForDataDirectory(string dataDirectory, string? keyFile = null) => new()
    {
        ConnectionString = Path.Combine(dataDirectory, "audit.db"),
        HeadFile = Path.Combine(dataDirectory, "audit.head"),
        CheckpointKey = AuditKeyFile.LoadOrCreate(keyFile ?? Path.Combine(dataDirectory, "audit.key")),
        CheckpointKeyId = Path.GetFileNameWithoutExtension(keyFile ?? "audit.key"),
    };
}
