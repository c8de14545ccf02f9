using ChildInfo.Gateway.Cli;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// What the demo adds to the <c>childinfo</c> command line: <c>serve</c> without <c>--supergraph</c> generates sample
/// data on first run, starts the five sample agencies in-process and composes them; <c>policy explain</c> reads the
/// demo supergraph by default; <c>data generate</c> writes sample data.
/// </summary>
public static class DemoCommandLine
{
    public static CommandLineExtensions Extensions { get; } = new()
    {
        StartEmbedded = StartAsync,
        DefaultSupergraph = DemoSupergraph.Load,
        Commands = new Dictionary<string, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>>>(StringComparer.Ordinal)
        {
            ["data"] = (args, output, error, cancellationToken) => args is ["generate", ..]
                ? DataGenerateCommand.RunAsync(args[1..], output, error, cancellationToken)
                : throw new CommandLineException("'data' needs a subcommand: data generate."),
        },
        Name = "childinfo-demo",
        Usage = """
            serve (with no --supergraph: the five sample agencies in-process at http://127.0.0.1:4000/graphql)
              --data DIR          the demo's data, audit log and registry (default data/demo)
              --children N        children the demo generates on first run (default 2000)
              --seed S            the demo's generation seed (default 1)

            data generate
              --children N        how many children, 100 to 1,000,000 (default 10000)
              --seed S            generation seed (default 1)
              --out DIR           folder for the <agency>.db files (default data)
              --overwrite         replace databases that already hold data
            """,
    };

    private static async Task<EmbeddedSubgraphs> StartAsync(ServeOptions options, byte[]? contextKey, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await DemoData.EnsureAsync(options.DataDirectory, options.Children, options.Seed, output, cancellationToken).ConfigureAwait(false);
        }
        catch (SampleDataException ex)
        {
            throw new EmbeddedSubgraphsException($"cannot generate the demo's sample data: {ex.Message}", ex);
        }

        var demo = await DemoSubgraphs.StartAsync(options.DataDirectory, preferredPorts: true, contextKey, cancellationToken).ConfigureAwait(false);
        try
        {
            var (supergraph, subgraphs) = await DemoSupergraph.ComposeAsync(demo.Urls, output, cancellationToken).ConfigureAwait(false);
            return new EmbeddedSubgraphs(supergraph, subgraphs, demo.Urls, demo)
            {
                Description = "Embedded demo: sample subgraphs over SQLite in " + Path.GetFullPath(options.DataDirectory),
            };
        }
        catch
        {
            await demo.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
