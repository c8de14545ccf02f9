using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Retention;

/// <summary>
/// Applies the retention period: records older than it lose their payload (justification, operation text, what was
/// shown and withheld, preferences set aside). Their header and hashes stay, so the chain still verifies and a
/// child's history can still be counted. Each run that removes anything stores, in the same transaction, a statement
/// signed with the audit key saying which records it reached; verification accepts a missing payload only where
/// such a statement covers it, so details removed by hand are reported, not taken for retention.
/// </summary>
public sealed class AuditRetention(IAuditStore store, AuditOptions options, TimeProvider time)
{
    private readonly AuditCheckpointSigner _signer = new(options.CheckpointKey, options.CheckpointKeyId);

    /// <summary>Redacts what is due; returns how many records were redacted (0 when no period is configured).</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        if (options.RetentionPeriod is not { } period)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await store.RedactAsync(now - period, now, _signer, cancellationToken).ConfigureAwait(false);
    }
}
