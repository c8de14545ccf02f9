using System.Text;
using Xunit.Sdk;
using Xunit.v3;

namespace ChildInfo.Testing;

/// <summary>
/// One temp folder per test process, under which everything the tests create goes: it becomes the process's temp
/// folder (<c>TMPDIR</c>, which <see cref="Path.GetTempPath"/> reads on every call and child processes inherit) before
/// discovery, and is removed when the test pipeline stops, after the throwaway servers are stopped. Test assemblies
/// that run in parallel each have their own, so none sees another's files.
/// <para>
/// It is also the check that fixtures clean up: whatever is still in the folder at the end was left by a fixture or
/// test, and is named on standard error and in <see cref="LeftoverReportName"/> beside the folder (a run's script
/// can fail on it) before being removed. Set <c>CHILDINFO_TEST_KEEP_TEMP=1</c> to keep the folder for a look.
/// </para>
/// </summary>
/// <remarks>Each test project opts in with <c>[assembly: TestPipelineStartup&lt;RunTempFolder&gt;]</c>.</remarks>
public sealed class RunTempFolder : ITestPipelineStartup
{
    public const string Prefix = "childinfo-run-";

    /// <summary>Written into the original temp folder when a run left something behind.</summary>
    public const string LeftoverReportName = "childinfo-leftovers.txt";

    private static readonly string[] TempVariables = OperatingSystem.IsWindows() ? ["TEMP", "TMP"] : ["TMPDIR"];
    private static Dictionary<string, string?> _original = [];

    /// <summary>This process's run folder; null before the pipeline started.</summary>
    public static string? Current { get; private set; }

    /// <summary>What the last <see cref="StopAsync"/> found left behind (relative paths); empty when all was cleaned up.</summary>
    public static IReadOnlyList<string> Leftovers { get; private set; } = [];

    public ValueTask StartAsync(IMessageSink diagnosticMessageSink)
    {
        _original = TempVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        var parent = Path.GetTempPath();
        var folder = Path.Combine(parent, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(Prefix.Length + 20)]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // Passable by others: the throwaway PostgreSQL server runs as the postgres user inside it.
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        // TMPDIR on Unix; TEMP and TMP on Windows.
        foreach (var variable in TempVariables)
        {
            Environment.SetEnvironmentVariable(variable, folder);
        }

        Current = folder;
        return ValueTask.CompletedTask;
    }

    public async ValueTask StopAsync()
    {
        if (Current is not { } folder)
        {
            return;
        }

        await RealServers.StopAsync().ConfigureAwait(false);
        foreach (var variable in TempVariables)
        {
            Environment.SetEnvironmentVariable(variable, _original.GetValueOrDefault(variable));
        }

        Current = null;
        Leftovers = Directory.Exists(folder)
            ? [.. Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal)]
            : [];
        if (Leftovers.Count > 0)
        {
            var report = new StringBuilder()
                .AppendLine($"Test process {Environment.ProcessId} ({AppDomain.CurrentDomain.FriendlyName}) left {Leftovers.Count} entries in its temp folder:")
                .AppendJoin(Environment.NewLine, Leftovers.Select(l => "  " + l))
                .AppendLine()
                .ToString();
            await Console.Error.WriteAsync(report).ConfigureAwait(false);
            await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), LeftoverReportName), report).ConfigureAwait(false);
        }

        if (Environment.GetEnvironmentVariable("CHILDINFO_TEST_KEEP_TEMP") != "1")
        {
            DeleteTree(folder);
        }
    }

    /// <summary>Deletes a folder and everything in it, read-only files and those of other users included (as far as permissions let).</summary>
    public static void DeleteTree(string folder)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A server still closing a file; try again.
                Thread.Sleep(100);
            }
        }
    }
}
