using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// Real PostgreSQL and Redis servers for tests, found in this order: a connection string from the environment
/// (<c>CHILDINFO_TEST_POSTGRES</c>, <c>CHILDINFO_TEST_REDIS</c>); Testcontainers where a Docker engine answers;
/// a throwaway server started from installed binaries on a free loopback port; otherwise the test is skipped
/// with a message saying what is missing — or fails, when <c>CI=true</c>, so a missing server cannot hide.
/// One server per test process, started on first use and stopped, its folder deleted, when the test pipeline stops
/// (<see cref="RunTempFolder"/>) or, failing that, when the process exits.
/// </summary>
public static class RealServers
{
    private static readonly Lazy<Task<ServerOrReason>> Postgres = new(StartPostgresAsync);
    private static readonly Lazy<Task<ServerOrReason>> Redis = new(StartRedisAsync);
    private static readonly List<Action> Stops = [];

    /// <summary>Stops the throwaway servers this process started and deletes their folders (once; later calls do nothing).</summary>
    public static Task StopAsync()
    {
        Action[] stops;
        lock (Stops)
        {
            stops = [.. Stops];
            Stops.Clear();
        }

        foreach (var stop in stops)
        {
            stop();
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="stop"/> at <see cref="StopAsync"/>, or at process exit if that never comes.</summary>
    internal static void OnStop(Action stop)
    {
        var once = 0;
        void StopOnce()
        {
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                stop();
            }
        }

        lock (Stops)
        {
            Stops.Add(StopOnce);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopOnce();
    }

    /// <summary>Connection string to a new, empty database on a real PostgreSQL server.</summary>
    public static async Task<string> PostgresDatabaseAsync(string prefix)
    {
        var server = await Postgres.Value.ConfigureAwait(false);
        var admin = server.Require("PostgreSQL");
        var name = $"{Sanitise(prefix)}_{Guid.NewGuid():N}"[..Math.Min(60, Sanitise(prefix).Length + 33)];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>
    /// A path for a new SQLite database file, in a folder of this process's throwaway databases that goes when the
    /// servers do: like a database on the PostgreSQL server, it lasts for the test run.
    /// </summary>
    public static string SqliteFile(string name) =>
        Path.Combine(SqliteFolder.Value, $"{Sanitise(name)}-{Guid.NewGuid():N}.db");

    private static readonly Lazy<string> SqliteFolder = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("childinfo-sqlite-").FullName;
        OnStop(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            RunTempFolder.DeleteTree(dir);
        });
        return dir;
    });

    /// <summary>Connection string (host:port) of a real Redis server.</summary>
    public static async Task<string> RedisAsync()
    {
        var server = await Redis.Value.ConfigureAwait(false);
        return server.Require("Redis");
    }

    private static string Sanitise(string prefix) =>
        new([.. prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);

    private static async Task<ServerOrReason> StartPostgresAsync()
    {
        if (Environment.GetEnvironmentVariable("CHILDINFO_TEST_POSTGRES") is { Length: > 0 } fromEnvironment)
        {
            return ServerOrReason.Found(fromEnvironment);
        }

        var container = await TryContainerAsync(async () =>
        {
            var c = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await c.StartAsync().ConfigureAwait(false);
            return c.GetConnectionString();
        }).ConfigureAwait(false);
        if (container is not null)
        {
            return ServerOrReason.Found(container);
        }

        var bin = FindPostgresBin();
        if (bin is null)
        {
            return ServerOrReason.Missing("no PostgreSQL: set CHILDINFO_TEST_POSTGRES, run a Docker engine, or install the postgresql package (initdb and pg_ctl)");
        }

        try
        {
            return ServerOrReason.Found(await StartPostgresFromBinariesAsync(bin).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return ServerOrReason.Missing($"PostgreSQL binaries in {bin} did not start: {ex.Message}");
        }
    }

    private static async Task<ServerOrReason> StartRedisAsync()
    {
        if (Environment.GetEnvironmentVariable("CHILDINFO_TEST_REDIS") is { Length: > 0 } fromEnvironment)
        {
            return ServerOrReason.Found(fromEnvironment);
        }

        var container = await TryContainerAsync(async () =>
        {
            var c = new RedisBuilder("redis:7-alpine").Build();
            await c.StartAsync().ConfigureAwait(false);
            return c.GetConnectionString();
        }).ConfigureAwait(false);
        if (container is not null)
        {
            return ServerOrReason.Found(container);
        }

        var redis = FindOnPath("redis-server", "/usr/bin", "/usr/local/bin", "/usr/sbin");
        if (redis is null)
        {
            return ServerOrReason.Missing("no Redis: set CHILDINFO_TEST_REDIS, run a Docker engine, or install the redis-server package");
        }

        try
        {
            var port = FreePort();
            var dir = Directory.CreateTempSubdirectory("childinfo-redis-").FullName;
            OnStop(() =>
            {
                KillFromPidFile(Path.Combine(dir, "redis.pid"));
                RunTempFolder.DeleteTree(dir);
            });
            await RunAsync(redis, null, "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--save", "", "--appendonly", "no", "--daemonize", "yes", "--dir", dir,
                "--pidfile", Path.Combine(dir, "redis.pid")).ConfigureAwait(false);
            await WaitForPortAsync(port).ConfigureAwait(false);
            return ServerOrReason.Found($"127.0.0.1:{port}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return ServerOrReason.Missing($"redis-server at {redis} did not start: {ex.Message}");
        }
    }

    /// <summary>Starts a container if a Docker engine answers; null when none does.</summary>
    private static async Task<string?> TryContainerAsync(Func<Task<string>> start)
    {
        if (Environment.GetEnvironmentVariable("CHILDINFO_TEST_NO_DOCKER") == "1" || !DockerMayBeRunning())
        {
            return null;
        }

        try
        {
            return await start().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to start a container just means: try the next source.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool DockerMayBeRunning() =>
        File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 };

    private static string? FindPostgresBin()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        }

        var onPath = FindOnPath("pg_ctl");
        if (onPath is not null)
        {
            candidates.Add(Path.GetDirectoryName(onPath)!);
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task<string> StartPostgresFromBinariesAsync(string bin)
    {
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("childinfo-pg-").FullName;
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        // PostgreSQL refuses to run as root: hand the folder to the postgres user and run as it.
        string? runAs = Environment.UserName == "root" ? "postgres" : null;
        // Registered before the server starts, so a start that fails half-way is cleaned up too.
        OnStop(() =>
        {
            StopPostgres(bin, runAs, data);
            RunTempFolder.DeleteTree(dir);
        });
        if (runAs is not null)
        {
            await RunAsync("chown", null, "-R", runAs, dir).ConfigureAwait(false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), runAs, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync").ConfigureAwait(false);
        await RunAsync(Path.Combine(bin, "pg_ctl"), runAs, "-D", data, "-w", "-l", Path.Combine(dir, "log.txt"), "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start").ConfigureAwait(false);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=15";
    }

    private static void StopPostgres(string bin, string? runAs, string data)
    {
        try
        {
            var start = new ProcessStartInfo(runAs is null ? Path.Combine(bin, "pg_ctl") : "runuser") { UseShellExecute = false };
            if (runAs is not null)
            {
                foreach (var arg in new[] { "-u", runAs, "--", Path.Combine(bin, "pg_ctl") })
                {
                    start.ArgumentList.Add(arg);
                }
            }
            foreach (var arg in new[] { "-D", data, "-m", "immediate", "stop" })
            {
                start.ArgumentList.Add(arg);
            }

            using var stop = Process.Start(start);
            stop?.WaitForExit(10_000);
        }
#pragma warning disable CA1031 // Best effort at process exit: the server may already be gone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static async Task RunAsync(string file, string? runAs, params string[] args)
    {
        var start = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }

    private static void KillFromPidFile(string pidFile)
    {
        try
        {
            if (!File.Exists(pidFile))
            {
                return;
            }

            var pid = int.Parse(File.ReadLines(pidFile).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
#pragma warning disable CA1031 // Best effort at process exit: the server may already be gone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    internal static string? FindOnPath(string name, params string[] extra) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(extra)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} after 5 seconds.");
    }

    /// <summary>Skips the test naming what is missing, or fails it under <c>CI=true</c>, so a missing server cannot hide.</summary>
    internal static void SkipOrFail(string what, string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{what} is required under CI=true but is not available: {reason}");
        }

        Assert.Skip($"{what} not available: {reason}");
    }

    private sealed record ServerOrReason(string? ConnectionString, string? Reason)
    {
        public static ServerOrReason Found(string connectionString) => new(connectionString, null);

        public static ServerOrReason Missing(string reason) => new(null, reason);

        /// <summary>The connection string, or a skip (a failure under CI) naming what is missing.</summary>
        public string Require(string what)
        {
            if (ConnectionString is not null)
            {
                return ConnectionString;
            }

            SkipOrFail(what, Reason!);
            return null!;
        }
    }
}
