using System.Globalization;
using ChildInfo.GatewaysBench.Hosting;

namespace ChildInfo.GatewaysBench;

/// <summary>
/// <c>ChildInfo.GatewaysBench [--replay] [--first-port N] [--host ADDRESS]</c>: starts the four benchmark subgraphs,
/// prints one line "NAME URL" for each and then "ready", and runs until stopped.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new BenchSubgraphsOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--replay":
                    options = options with { Replay = true };
                    break;
                case "--first-port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65532:
                    options = options with { FirstPort = port };
                    i++;
                    break;
                case "--host" when i + 1 < args.Length:
                    options = options with { Host = args[++i] };
                    break;
                default:
                    await Console.Error.WriteLineAsync($"gateways-bench: unknown or incomplete option '{args[i]}'. Usage: ChildInfo.GatewaysBench [--replay] [--first-port N] [--host ADDRESS]");
                    return 2;
            }
        }

        await using var subgraphs = await BenchSubgraphs.StartAsync(options);
        foreach (var (name, url) in subgraphs.Urls)
        {
            Console.WriteLine($"{name} {url}");
        }

        Console.WriteLine(options.Replay ? "ready (replay)" : "ready");
        // Until SIGTERM or Ctrl+C: each subgraph's host stops on it, and the first to stop ends the process.
        await subgraphs.WaitForShutdownAsync();
        return 0;
    }
}
