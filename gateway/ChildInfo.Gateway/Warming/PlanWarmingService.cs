using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Warming;

/// <summary>
/// Plans, before the host serves, the operations it was planning when it last stopped (<see cref="RecentOperationsFile"/>),
/// so that the first requests after a restart do not each wait for their plan; and keeps that file current, every
/// <see cref="SaveInterval"/> and when the host stops. A file it cannot read is reported and left for the next save
/// to replace: the host starts either way.
/// </summary>
public sealed partial class PlanWarmingService(GatewayState state, PlanWarmer warmer, string path, int maxParserDepth, TimeProvider time, ILogger<PlanWarmingService> logger)
    : BackgroundService
{
    public static readonly TimeSpan SaveInterval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var operations = await RecentOperationsFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            if (operations.Count > 0)
            {
                var warming = await warmer.WarmAsync(state.Current, operations, cancellationToken).ConfigureAwait(false);
                LogWarmed(logger, warming.Planned, path, warming.Elapsed.TotalMilliseconds, warming.Skipped, warming.Refused);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, path, ex.Message);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SaveInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SaveAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync saves once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RecentOperationsFile.SaveAsync(path, warmer.RecentOf(state.Current), maxParserDepth, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnsaved(logger, path, ex.Message);
        }
    }

    [LoggerMessage(EventIds.PlansWarmedAtStart, LogLevel.Information, "Planned {Planned} operations from {Path} before serving ({Milliseconds:F0} ms; {Skipped} no longer bound, {Refused} refused).")]
    private static partial void LogWarmed(ILogger logger, int planned, string path, double milliseconds, int skipped, int refused);

    [LoggerMessage(EventIds.RecentOperationsUnreadable, LogLevel.Warning, "Recent operations not planned ahead: {Path} cannot be read ({Reason}). It is replaced at the next save.")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventIds.RecentOperationsUnsaved, LogLevel.Warning, "Recent operations not saved to {Path}: {Reason}")]
    private static partial void LogUnsaved(ILogger logger, string path, string reason);
}
