using System.Diagnostics;
using System.Globalization;

namespace ChildInfo.Testing;

/// <summary>
/// A Redis server of one test's own, from the installed <c>redis-server</c>, that the test may kill and start again on
/// the same port over the same data: the run's shared server (<see cref="RealServers.RedisAsync"/>) cannot be
/// restarted without disturbing every other test. It keeps an append-only file synced at every write, as a Redis that
/// gateway replicas rely on for their registry is run, so a restart keeps what was written. Without the binary the
/// test is skipped (failed under <c>CI=true</c>); it is stopped and its folder deleted on dispose, or when the run's
/// servers stop.
/// </summary>
public sealed class RestartableRedis : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _folder;
    private Process? _process;

    private RestartableRedis(string binary, string folder, int port)
    {
        _binary = binary;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RestartableRedis> StartAsync()
    {
        var binary = RealServers.FindOnPath("redis-server", "/usr/bin", "/usr/local/bin", "/usr/sbin");
        if (binary is null)
        {
            RealServers.SkipOrFail("A Redis server of the test's own", "no redis-server binary (install the redis-server package)");
        }

        var redis = new RestartableRedis(binary!, Directory.CreateTempSubdirectory("childinfo-redis-own-").FullName, RealServers.FreePort());
        RealServers.OnStop(redis.StopAndDelete);
        await redis.StartAgainAsync().ConfigureAwait(false);
        return redis;
    }

    /// <summary>Kills the server at once (SIGKILL): no shutdown, no goodbye to its clients. Returns when it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server on its port over its data folder; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The Redis server is already running.");
        }

        var start = new ProcessStartInfo(_binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", _folder, "--logfile", Path.Combine(_folder, "redis.log"),
            "--save", "", "--appendonly", "yes", "--appendfsync", "always",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await RealServers.WaitForPortAsync(Port).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        StopAndDelete();
    }

    private void StopAndDelete()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        RunTempFolder.DeleteTree(_folder);
    }
}
