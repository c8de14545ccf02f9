namespace ChildInfo.Gateway.Cli;

/// <summary>What <c>childinfo serve</c> was asked to do.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrls = "http://127.0.0.1:4000";

    /// <summary>A supergraph file to serve; null runs the embedded demo.</summary>
    public string? SupergraphFile { get; init; }

    /// <summary>Where the gateway listens; null means <see cref="DefaultUrls"/> (or a free port if 4000 is taken).</summary>
    public string? Urls { get; init; }

    /// <summary>
    /// The folder of the gateway's local files: the audit log (unless configured elsewhere), the subgraph registry
    /// (without Redis) and, for the embedded demo, its sample data and development signing key.
    /// </summary>
    public string DataDirectory { get; init; } = Path.Combine("data", "demo");

    /// <summary>
    /// Development only: serve the supergraph file with no identity, purpose or policies (every caller sees every field),
    /// still audited. For trying the engine on a supergraph that is not ours.
    /// </summary>
    public bool Open { get; init; }

    /// <summary>How many children the demo generates on first run.</summary>
    public int Children { get; init; } = 2_000;

    /// <summary>The demo's generation seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Settings given on the command line as <c>--Section:Key=value</c> (or <c>--Section:Key value</c>), the same names
    /// as in appsettings.json; they win over the file and the environment (<see cref="ServeConfiguration"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (own, settings) = SplitSettings(args);
        var reader = new ArgumentReader("serve", own, new HashSet<string> { "supergraph", "urls", "data", "children", "seed" }, new HashSet<string> { "open" });
        var options = new ServeOptions
        {
            SupergraphFile = reader.String("supergraph"),
            Urls = reader.String("urls"),
            Open = reader.Has("open"),
            Settings = settings,
        };
        if (options.Open && options.SupergraphFile is null)
        {
            throw new CommandLineException("--open serves a supergraph file without policies: it needs --supergraph FILE (the demo always runs with its policies).");
        }

        if (options.SupergraphFile is not null && (reader.Has("children") || reader.Has("seed")))
        {
            throw new CommandLineException("--children and --seed configure the embedded demo's sample data; they do not go with --supergraph.");
        }

        return options with
        {
            DataDirectory = reader.String("data") ?? options.DataDirectory,
            Children = reader.Int("children", 100, 1_000_000) ?? options.Children,
            Seed = reader.Int("seed", int.MinValue, int.MaxValue) ?? options.Seed,
        };
    }

    /// <summary>Takes the settings (options whose name is a configuration path, with a <c>:</c>) out of the arguments.</summary>
    private static (List<string> Own, Dictionary<string, string?> Settings) SplitSettings(IReadOnlyList<string> args)
    {
        var own = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? (equals > 0 ? arg[2..equals] : arg[2..]) : "";
            if (!name.Contains(':', StringComparison.Ordinal))
            {
                own.Add(arg);
                continue;
            }

            var value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (value is null)
            {
                throw new CommandLineException($"Setting --{name} of 'serve' needs a value (--{name}=VALUE).");
            }

            if (!settings.TryAdd(name, value))
            {
                throw new CommandLineException($"Setting --{name} of 'serve' is given more than once.");
            }
        }

        return (own, settings);
    }
}
