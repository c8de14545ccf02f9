using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// A built gateway app (copied beside the tests by the project reference) running as a separate OS process: the
/// embedded demo (<c>dotnet childinfo-demo.dll serve --data DIR --children N --urls http://127.0.0.1:0</c>, with its
/// working directory in <c>DIR</c> and the audit settings left to their defaults: SQLite <c>DIR/audit.db</c>, key
/// <c>DIR/audit.key</c>), or the production host with the arguments and settings a test gives. Disposing kills it if
/// it is still running.
/// </summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    private static readonly string[] ClearedVariables =
    [
        "CHILDINFO_AUDIT_STORE", "CHILDINFO_AUDIT_CONNECTION", "CHILDINFO_AUDIT_KEY_FILE", "CHILDINFO_AUDIT_RETENTION_DAYS",
        "ChildInfo__Policies", "ChildInfo__ContextKey", "ASPNETCORE_URLS", "DOTNET_URLS",
    ];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process) => _process = process;

    /// <summary>The gateway's GraphQL endpoint, once it has said where it listens.</summary>
    public Uri GraphQLUrl { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>The demo app's entry assembly in the test output folder.</summary>
    public static string AppPath => Path.Combine(AppContext.BaseDirectory, "childinfo-demo.dll");

    /// <summary>The production host's entry assembly (<c>childinfo</c>, no sample agencies) in the test output folder.</summary>
    public static string ProductionAppPath => Path.Combine(AppContext.BaseDirectory, "childinfo.dll");

    /// <summary>Where the gateway listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => new(GraphQLUrl, "/");

    /// <summary>
    /// Starts the demo over <paramref name="dataDirectory"/> and returns once <c>/health</c> answers 200, failing when
    /// the process exits first or when <paramref name="deadline"/> passes.
    /// </summary>
    public static Task<GatewayProcess> StartAsync(string dataDirectory, int children, TimeSpan deadline) =>
        StartAsync(AppPath, ["serve", "--data", dataDirectory, "--children", children.ToString(System.Globalization.CultureInfo.InvariantCulture), "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string>(), dataDirectory, deadline);

    /// <summary>
    /// Starts <paramref name="app"/> (an app in the test output folder, such as <see cref="ProductionAppPath"/>) with
    /// <paramref name="arguments"/> and, besides the test process's own environment less the gateway's settings,
    /// <paramref name="environment"/>; returns once it said where it listens and <c>/health</c> answers 200.
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(string app, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan deadline)
    {
        Assert.True(File.Exists(app), $"The app is not in the test output folder: {app}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Prepend(app))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ClearedVariables)
        {
            start.Environment.Remove(name);
        }

        // No debugger and diagnostics pipes in the temp folder: a killed process cannot remove its own.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var gateway = new GatewayProcess(process);
        process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data, "out");
        process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data, "err");
        process.Exited += (_, _) => gateway._listening.TrySetException(new InvalidOperationException($"{Path.GetFileName(app)} exited with code {SafeExitCode(process)} before it was ready."));
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(deadline);
            gateway.GraphQLUrl = await gateway._listening.Task.WaitAsync(timeout.Token);
            await gateway.WaitHealthyAsync(timeout.Token);
            return gateway;
        }
        catch (Exception ex)
        {
            await gateway.DisposeAsync();
            Assert.Fail($"{Path.GetFileName(app)} {string.Join(' ', arguments)} did not become healthy within {deadline.TotalSeconds:0} s ({ex.GetType().Name}: {ex.Message}). Its output:{Environment.NewLine}{gateway.Log}");
            throw;
        }
    }

    /// <summary>Kills the process and everything it started at once: no shutdown, no draining (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Kills the process as <see cref="Kill"/> does, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        Kill();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!HasStarted() || _process.HasExited)
            {
                return;
            }

            await KillAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or never started.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private bool HasStarted()
    {
        try
        {
            return _process.Id > 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(GraphQLUrl, "/health");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"childinfo exited with code {SafeExitCode(_process)} before /health answered.");
            }

            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private void OnLine(string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue($"[{stream}] {line}");
        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+/graphql)")]
    private static partial Regex Listening();
}
