using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// <c>link stats --truth</c> in the demo: with no file after <c>--truth</c>, the generator's ground truth the demo kept
/// on its first run (<see cref="DemoLinkage.TruthFile"/> in <c>--data DIR</c>, default <c>data/demo</c>), measured
/// against <c>--index</c>, by default the demo's own child index. Every other <c>link</c> command line is passed on as given.
/// </summary>
public static class DemoLinkStats
{
    /// <summary>The arguments of <c>link</c> with the demo's files filled in where <c>stats --truth</c> names none.</summary>
    /// <exception cref="CommandLineException">The demo's data folder holds no ground truth.</exception>
    public static string[] WithDefaults(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not ["stats", ..])
        {
            return args;
        }

        var bare = Array.FindIndex(args, a => a == "--truth");
        if (bare < 0 || (bare + 1 < args.Length && !args[bare + 1].StartsWith("--", StringComparison.Ordinal)))
        {
            return args;
        }

        var directory = ValueOf(args, "data") ?? Path.Combine("data", "demo");
        var truth = Path.Combine(directory, DemoLinkage.TruthFile);
        if (!File.Exists(truth))
        {
            throw new CommandLineException($"There is no ground truth at '{truth}': the demo keeps the generator's own child index there on its first run. "
                + "Start the demo once with this --data folder (one written by an older build is generated again), or give --truth FILE.");
        }

        var filled = new List<string>(args);
        filled.Insert(bare + 1, truth);
        if (ValueOf(args, "index") is null)
        {
            filled.AddRange(["--index", Path.Combine(directory, "child-index.db")]);
        }

        return [.. filled];
    }

    private static string? ValueOf(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith($"--{name}=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 3)..];
            }

            if (args[i] == "--" + name && i + 1 < args.Length)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
