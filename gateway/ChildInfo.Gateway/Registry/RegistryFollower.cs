using System.Threading.Channels;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Runs the registry in the background: restores the registry's revision before the host serves (a restart keeps
/// what system owners registered), readies itself to follow changes quickly (<see cref="SubgraphRegistry.PrepareAsync"/>),
/// re-reads it whenever the store reports a change or a reconnect, and asks each subgraph whether it answers at the
/// configured interval.
/// </summary>
public sealed partial class RegistryFollower(SubgraphRegistry registry, SubgraphHealth health, RegistryHostOptions options, TimeProvider time, ILogger<RegistryFollower> logger) : BackgroundService
{
    private readonly Channel<RegistryChanged> _changes = Channel.CreateBounded<RegistryChanged>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        registry.Store.Changed += OnChanged;
        try
        {
            await registry.FollowAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryStoreException ex)
        {
            LogStoreUnavailable(logger, registry.Store.Description, ex.Message);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Store.Changed -= OnChanged;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (options.OwnsStore)
        {
            await registry.Store.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FollowChangesAsync(stoppingToken), WatchHealthAsync(stoppingToken));

    // One pending notice is enough: a follow always reads the latest registry.
    private void OnChanged(object? sender, RegistryChanged change) => _changes.Writer.TryWrite(change);

    private async Task FollowChangesAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Changes that arrive meanwhile wait in the channel.
            await registry.PrepareAsync(stoppingToken).ConfigureAwait(false);
            await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await registry.FollowAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RegistryStoreException or SubgraphSdlException)
                {
                    LogStoreUnavailable(logger, registry.Store.Description, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchHealthAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HealthInterval, time);
        try
        {
            do
            {
                await health.ProbeAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventIds.RegistryStoreUnavailable, LogLevel.Error, "The registry ({Store}) cannot be read; serving the last good revision: {Problem}")]
    private static partial void LogStoreUnavailable(ILogger logger, string store, string problem);
}
