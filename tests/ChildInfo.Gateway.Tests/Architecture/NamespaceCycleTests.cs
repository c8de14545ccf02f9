using ArchUnitNET.Loader;
using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Tests.Architecture;

/// <summary>
/// The host's rooms (its first-level namespaces: Pipeline, Authorisation, Audit, Http, ...) depend on each other in
/// one direction only: a room that another depends on never depends back on it, through however many others. The
/// dependencies are read from the built assembly (signatures and method bodies) by ArchUnitNET; a room's own
/// sub-namespaces (Web.Pages) belong to it.
/// </summary>
public sealed class NamespaceCycleTests
{
    private const string Root = "ChildInfo.Gateway.";

    [Fact]
    public void HostRooms_HaveNoCycles()
    {
        var edges = RoomDependencies();
        Assert.NotEmpty(edges); // the reading works: the pipeline depends on the rooms below it

        var cycles = Cycles(edges.Keys.Select(e => e.From).Concat(edges.Keys.Select(e => e.To)).Distinct().Order(StringComparer.Ordinal),
            room => edges.Keys.Where(e => e.From == room).Select(e => e.To).Order(StringComparer.Ordinal));
        var report = cycles.Select(cycle => string.Join(" -> ", cycle) + "\n" + string.Join("\n",
            cycle.Zip(cycle.Skip(1)).Select(step => $"  {step.First} -> {step.Second}: {edges[(step.First, step.Second)]}")));
        Assert.True(cycles.Count == 0, "Rooms of the host that depend on each other:\n" + string.Join("\n", report));
    }

    [Fact]
    public void TheCommandLine_IsTheTop_NoRuntimeRoomDependsOnIt()
    {
        // The commands (serve, compose, audit, token...) and the settings they read build the host's options; the
        // host's rooms take those options and never reach back into the command line.
        var intoCli = RoomDependencies().Where(e => e.Key.To == "Cli").Select(e => e.Value).ToList();

        Assert.True(intoCli.Count == 0, "Rooms that depend on the command line:\n" + string.Join("\n", intoCli));
    }

    [Fact]
    public void CycleSearch_FindsACycleThroughThreeRooms()
    {
        var graph = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        var cycle = Assert.Single(Cycles(graph.Keys, room => graph[room]));

        Assert.Equal(["A", "B", "C", "A"], cycle);
    }

    /// <summary>Each dependency between two rooms, with one type-level example of it.</summary>
    private static Dictionary<(string From, string To), string> RoomDependencies()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(GatewayHost).Assembly).Build();
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in architecture.Types)
        {
            if (Room(type.Namespace?.FullName) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies ?? [])
            {
                if (Room(dependency.Target?.Namespace?.FullName) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{type.FullName} uses {dependency.Target!.FullName}");
                }
            }
        }

        return edges;
    }

    private static string? Room(string? ns) =>
        ns is not null && ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;

    /// <summary>One cycle per strongly connected group of rooms (found by depth-first search), each closed on its first room.</summary>
    private static List<List<string>> Cycles(IEnumerable<string> rooms, Func<string, IEnumerable<string>> next)
    {
        var cycles = new List<List<string>>();
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in rooms)
        {
            if (inCycle.Contains(start))
            {
                continue;
            }

            var path = Path(start, start, next, []);
            if (path is not null)
            {
                cycles.Add([start, .. path]);
                inCycle.UnionWith(path);
            }
        }

        return cycles;
    }

    /// <summary>A path of rooms from <paramref name="from"/> back to <paramref name="target"/>, or null.</summary>
    private static List<string>? Path(string from, string target, Func<string, IEnumerable<string>> next, HashSet<string> seen)
    {
        foreach (var to in next(from))
        {
            if (to == target)
            {
                return [to];
            }

            if (seen.Add(to) && Path(to, target, next, seen) is { } rest)
            {
                return [to, .. rest];
            }
        }

        return null;
    }
}
