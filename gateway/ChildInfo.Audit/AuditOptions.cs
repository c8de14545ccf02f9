namespace ChildInfo.Audit;

/// <summary>Settings of the audit log, bound from configuration by the host.</summary>
public sealed record AuditOptions
{
    /// <summary>Key for checkpoint signatures (HMAC-SHA256), at least 32 bytes; from configuration, never from the log.</summary>
    public required byte[] CheckpointKey { get; init; }

    /// <summary>Names the key, so checkpoints survive a key rotation being noticed rather than silently failing.</summary>
    public string CheckpointKeyId { get; init; } = "default";

    /// <summary>A signed checkpoint after every this many records.</summary>
    public int CheckpointInterval { get; init; } = 1000;

    /// <summary>Most records sealed in one transaction when appends arrive together (group commit).</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>
    /// The file outside the database that holds the chain's signed head, rewritten after every commit; null keeps the
    /// signed head in the database only. Put it where someone who can change the database cannot (for SQLite, at
    /// least beside the database file, so that a copy of the database alone, rolled back, is caught).
    /// </summary>
    public string? HeadFile { get; init; }

    /// <summary>How long operation text and disclosure details are kept; null keeps them for ever.</summary>
    public TimeSpan? RetentionPeriod { get; init; }

    /// <summary>Problems with these settings, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CheckpointKey is null || CheckpointKey.Length < 32)
        {
            errors.Add("Audit:CheckpointKey must be at least 32 bytes.");
        }

        if (string.IsNullOrWhiteSpace(CheckpointKeyId))
        {
            errors.Add("Audit:CheckpointKeyId must not be empty.");
        }

        if (CheckpointInterval < 1)
        {
            errors.Add("Audit:CheckpointInterval must be at least 1.");
        }

        if (MaxBatchSize < 1)
        {
            errors.Add("Audit:MaxBatchSize must be at least 1.");
        }

        if (HeadFile is { } headFile && string.IsNullOrWhiteSpace(headFile))
        {
            errors.Add("Audit:HeadFile must name a file when set.");
        }

        if (RetentionPeriod is { } period && period <= TimeSpan.Zero)
        {
            errors.Add("Audit:RetentionPeriod must be positive when set.");
        }

        return errors;
    }
}
