using ChildInfo.Audit.Retention;
using ChildInfo.Gateway.Diagnostics;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Creates the audit tables at start-up and checks the chain's signed head against its last record (the head row and
/// the head file), so tampering with the end of the log is in the log before anything is appended; applies the
/// retention period once a day. The writer itself refuses to append to a chain that falls short of its head file.
/// </summary>
public sealed partial class AuditMaintenance(GatewayAudit audit, GatewayAuditOptions options, ILogger<AuditMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await audit.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            if (await audit.Log.CreateVerifier().VerifyHeadAsync(cancellationToken).ConfigureAwait(false) is { } broken)
            {
                LogHeadBroken(logger, broken.Sequence, broken.Explanation);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // Requests retry and are refused (503) while the store cannot be reached.
            LogStoreUnavailable(logger, ex);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RetentionPeriod is null)
        {
            return;
        }

        var retention = new AuditRetention(audit.Store, options.ToAuditOptions(), TimeProvider.System);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var redacted = await retention.ApplyAsync(stoppingToken).ConfigureAwait(false);
                LogRetention(logger, redacted);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                LogRetentionFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventIds.AuditStoreUnavailableAtStart, LogLevel.Error, "The audit store could not be prepared at start-up; requests are refused until it can be reached.")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventIds.AuditRetentionApplied, LogLevel.Information, "Audit retention removed the details of {Count} records.")]
    private static partial void LogRetention(ILogger logger, int count);

    [LoggerMessage(EventIds.AuditRetentionFailed, LogLevel.Error, "Audit retention failed; it is tried again tomorrow.")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventIds.AuditHeadBroken, LogLevel.Critical, "The audit log's signed head does not match its records (at record {Sequence}): {Explanation} Run childinfo audit verify.")]
    private static partial void LogHeadBroken(ILogger logger, long sequence, string explanation);
}
