using System.Diagnostics;

namespace ChildInfo.Gateway.Tests.Support;

/// <summary>
/// Runs a node script of <c>tests/tools/&lt;folder&gt;</c>. When node or the folder's npm packages are missing the test
/// is skipped with a message saying how to install them, or fails under <c>CI=true</c> (where <c>.ci/run</c> installs them).
/// </summary>
public static class NodeTool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string folder, string package, string script, params string[] args)
    {
        var toolDirectory = RepositoryPaths.Tool(folder);
        var node = FindNode();
        if (node is null)
        {
            Unavailable("node is not on the PATH (install Node.js 20 or later)");
        }

        if (!Directory.Exists(Path.Combine(toolDirectory, "node_modules", package)))
        {
            Unavailable($"the npm package {package} is not installed: run 'npm ci --prefix tests/tools/{folder}'");
        }

        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = toolDirectory,
        };
        start.ArgumentList.Add(Path.Combine(toolDirectory, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 3 minutes.");
        }

        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);

    private static void Unavailable(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"Required under CI=true but not available: {reason}.");
        }

        Assert.Skip($"Not available: {reason}.");
    }
}
