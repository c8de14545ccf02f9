using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Retention;

/// <summary>
/// Applies the retention period: records older than it lose their payload (justification, operation text, what was
/// shown and withheld, preferences set aside). Their header and hashes stay, so the chain still verifies and a
/// child's history can still be counted.
/// </summary>
public sealed class AuditRetention(IAuditStore store, AuditOptions options, TimeProvider time)
{
    /// <summary>Redacts what is due; returns how many records were redacted (0 when no period is configured).</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        if (options.RetentionPeriod is not { } period)
            return 0;
        var now = time.GetUtcNow();
        return await store.RedactAsync(now - period, now, cancellationToken).ConfigureAwait(false);
    }
}
