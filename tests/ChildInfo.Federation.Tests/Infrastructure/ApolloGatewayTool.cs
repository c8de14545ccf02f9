using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// Runs <c>tests/tools/apollo-gateway/answer.mjs</c> (Apollo Gateway, pinned in that folder's lock file). Without node
/// the test is skipped, or fails under <c>CI=true</c>; when node is there but the npm packages are not, they are
/// installed from the lock file first (<c>npm ci</c>).
/// </summary>
internal static class ApolloGatewayTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Directory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "tools", "apollo-gateway"));

    /// <summary>Sends <paramref name="batchJson"/> to the script on its standard input and returns what it printed.</summary>
    public static async Task<string> AnswerAsync(string batchJson, CancellationToken cancellationToken)
    {
        SkipUnlessAvailable();
        var node = FindOnPath("node")!;
        var tool = Directory();
        if (!System.IO.Directory.Exists(Path.Combine(tool, "node_modules", "@apollo", "gateway")))
        {
            var npm = FindOnPath("npm") ?? throw new InvalidOperationException("node is installed without npm: run 'npm ci --prefix tests/tools/apollo-gateway'.");
            var (code, _, error) = await RunAsync(npm, tool, null, cancellationToken, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(code == 0, "npm ci in tests/tools/apollo-gateway failed: " + error);
        }

        var (exitCode, output, stderr) = await RunAsync(node, tool, batchJson, cancellationToken, Path.Combine(tool, "answer.mjs"));
        Assert.True(exitCode == 0, "Apollo Gateway (answer.mjs) failed: " + stderr);
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string directory, string? input, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Why Apollo Gateway cannot run here, or null when it can.</summary>
    public static string? UnavailableReason() => FindOnPath("node") is null ? "node is not on the PATH (install Node.js 20 or later)" : null;

    /// <summary>Skips the test when node is missing (fails it under <c>CI=true</c>, where <c>.ci/run</c> installs node).</summary>
    public static void SkipUnlessAvailable()
    {
        if (UnavailableReason() is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"Required under CI=true but not available: {reason}.");
        }

        Assert.Skip($"Not available: {reason}.");
    }
}
