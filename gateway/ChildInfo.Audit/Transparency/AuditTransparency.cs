using ChildInfo.Audit.Storage;

namespace ChildInfo.Audit.Transparency;

/// <summary>The questions the audit answers for families and the data protection officer.</summary>
public sealed class AuditTransparency(IAuditStore store, TimeProvider time)
{
    public static readonly TimeSpan OneYear = TimeSpan.FromDays(365);

    /// <summary>Every access to a child's information over <paramref name="period"/> (a year when not given), up to now.</summary>
    public async Task<ChildAccessReport> ReportForChildAsync(string childId, TimeSpan? period = null, CancellationToken cancellationToken = default)
    {
        var span = period ?? OneYear;
        var now = time.GetUtcNow();
        var records = await store.ReadByChildAsync(childId, now - span, cancellationToken).ConfigureAwait(false);
        return new ChildAccessReport(childId, now - span, now, records, ChildAccessSummary.From(childId, span, records));
    }

    /// <summary>"Your information was viewed 7 times in the last year, by these services, for these reasons."</summary>
    public async Task<ChildAccessSummary> SummariseForChildAsync(string childId, TimeSpan? period = null, CancellationToken cancellationToken = default) =>
        (await ReportForChildAsync(childId, period, cancellationToken).ConfigureAwait(false)).Summary;

    /// <summary>Break-glass accesses and preference overrides after <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditReviewItem>> ReviewQueueAsync(long afterSequence = 0, int limit = 100, CancellationToken cancellationToken = default) =>
        [.. (await store.ReadForReviewAsync(afterSequence, limit, cancellationToken).ConfigureAwait(false)).Select(r => new AuditReviewItem(r))];
}
