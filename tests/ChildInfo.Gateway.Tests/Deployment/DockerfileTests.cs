using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Deployment;

/// <summary>
/// The production image is built where no container engine runs these tests, so its build context is checked here:
/// every project the gateway is built from is copied into the build stage and not left out by the ignore file, and
/// the image ships precompiled (ReadyToRun) code.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "Dockerfile"));
    private static readonly string[] Ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "Dockerfile.dockerignore"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    [Fact]
    public void EveryProjectTheGatewayIsBuiltFrom_IsCopiedIntoTheBuildStage_AndNotIgnored()
    {
        var projects = ProjectClosure(Path.Combine(RepositoryPaths.Root, "gateway", "ChildInfo.Gateway", "ChildInfo.Gateway.csproj"));
        var copied = CopySource().Matches(Dockerfile).Select(m => m.Groups["source"].Value.TrimEnd('/') + "/").ToList();

        Assert.True(projects.Count >= 8, $"the gateway's project references were not read: {string.Join(", ", projects)}");
        foreach (var project in projects)
        {
            var folder = Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(project)!).Replace('\\', '/') + "/";
            Assert.True(copied.Any(c => folder.StartsWith(c, StringComparison.Ordinal)), $"deploy/Dockerfile does not copy {folder}");
            var ignoredBy = Ignored.FirstOrDefault(i => !i.StartsWith("**", StringComparison.Ordinal) && folder.StartsWith(i.TrimEnd('/') + "/", StringComparison.Ordinal));
            Assert.True(ignoredBy is null, $"deploy/Dockerfile.dockerignore leaves {folder} out of the build context ({ignoredBy})");
        }
    }

    [Fact]
    public void TheImage_IsPublishedReadyToRun_TiersUpWithoutWaiting_AndDoesNotSpinIdleThreads()
    {
        var publish = Dockerfile.Split('\n').Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));

        Assert.Contains("-p:PublishReadyToRun=true", publish, StringComparison.Ordinal);
        Assert.Matches(@"(-r|--runtime) linux-", publish);
        Assert.Contains("DOTNET_TC_CallCountingDelayMs=0", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImage_SetsEveryRuntimeSettingOfGatewayRuntimeEnv_AsTheBenchmarkRunsIt()
    {
        // deploy/gateway-runtime.env is the one list: the benchmark reads it, the image must set each line of it.
        var settings = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "gateway-runtime.env"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var environment = Dockerfile[Dockerfile.IndexOf("ENV DOTNET_ENVIRONMENT=", StringComparison.Ordinal)..];
        environment = environment[..environment.IndexOf("\nEXPOSE", StringComparison.Ordinal)];
        var set = environment.Split([' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("DOTNET_GCgen0size=0x1800000", settings);
        Assert.All(settings, s => Assert.Matches(@"^DOTNET_\w+=\S+$", s));
        Assert.All(settings, s => Assert.Contains(s, set));
    }

    /// <summary>The project and every project it references, transitively (full paths).</summary>
    private static HashSet<string> ProjectClosure(string root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(root)]);
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(project))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"^COPY (?!--from)(?<source>\S+/) ", RegexOptions.Multiline)]
    private static partial Regex CopySource();
}
