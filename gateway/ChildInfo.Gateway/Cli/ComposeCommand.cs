using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Registry;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo compose --subgraph name=URL_OR_FILE ... [--out FILE]</c>: composes the subgraphs (a URL is asked for
/// <c>_service { sdl }</c>, a file is read) and prints the supergraph, or writes it to <c>--out</c>; on composition
/// errors prints each (code, subgraph, coordinate, message) and exits 1. A wrong command line exits 2.
/// </summary>
public static class ComposeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpClient? client = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (sources, outFile) = Parse(args);
        var subgraphs = new List<SubgraphSdl>();
        using var ownClient = client is null ? new HttpClient() : null;
        try
        {
            foreach (var (name, source) in sources)
            {
                subgraphs.Add(IsUrl(source)
                    ? new SubgraphSdl(name, source, await SubgraphSdlFetcher.FetchAsync(client ?? ownClient!, source, cancellationToken).ConfigureAwait(false))
                    : new SubgraphSdl(name, $"http://{name}/graphql", await ReadFileAsync(source, cancellationToken).ConfigureAwait(false)));
            }
        }
        catch (SubgraphSdlException ex)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var result = SupergraphComposer.Compose(subgraphs);
        if (!result.IsSuccess)
        {
            await error.WriteLineAsync($"childinfo: the {subgraphs.Count} subgraph(s) do not compose ({result.Errors.Count} error(s)):").ConfigureAwait(false);
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync($"  {e.Code} [{e.Subgraph ?? "-"}] {e.Coordinate ?? "-"}: {e.Message}").ConfigureAwait(false);
            }

            return 1;
        }

        // Warnings go to standard error, so the supergraph on standard output stays usable.
        foreach (var w in result.Warnings)
        {
            await error.WriteLineAsync($"childinfo: warning {w.Code} [{w.Subgraph ?? "-"}] {w.Coordinate ?? "-"}: {w.Message}").ConfigureAwait(false);
        }

        if (outFile is null)
        {
            await output.WriteAsync(result.Supergraph).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(outFile, result.Supergraph, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Composed {subgraphs.Count} subgraph(s) into {Path.GetFullPath(outFile)}").ConfigureAwait(false);
        }

        return 0;
    }

    private static (List<(string Name, string Source)> Sources, string? Out) Parse(string[] args)
    {
        var sources = new List<(string, string)>();
        string? outFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var option = equals > 0 ? arg[..equals] : arg;
            if (option is not ("--subgraph" or "--out"))
            {
                throw new CommandLineException($"'compose' has no option or argument '{arg}'.");
            }

            var value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new CommandLineException($"Option {option} of 'compose' needs a value.");
            }

            if (option == "--out")
            {
                outFile = outFile is null ? value : throw new CommandLineException("Option --out of 'compose' is given more than once.");
                continue;
            }

            var separator = value.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == value.Length - 1)
            {
                throw new CommandLineException($"--subgraph takes name=URL_OR_FILE, not '{value}'.");
            }

            var name = value[..separator];
            if (sources.Any(s => s.Item1 == name))
            {
                throw new CommandLineException($"Subgraph '{name}' is given more than once.");
            }

            var source = value[(separator + 1)..];
            if (!IsUrl(source) && !File.Exists(source))
            {
                throw new CommandLineException($"Subgraph '{name}': '{source}' is neither an http(s) URL nor an existing file.");
            }

            sources.Add((name, source));
        }

        return sources.Count == 0 ? throw new CommandLineException("'compose' needs at least one --subgraph name=URL_OR_FILE.") : (sources, outFile);
    }

    private static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SubgraphSdlException($"cannot read {path}: {ex.Message}", ex);
        }
    }
}
