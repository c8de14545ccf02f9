using System.Globalization;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Generation;

/// <summary>
/// The generator's command line, shared by its own executable and <c>childinfo data generate</c>: parses the
/// arguments, runs the generation with progress on long runs, prints a summary. Exit codes: 0 done, 1 failed,
/// 2 bad input, 130 cancelled.
/// </summary>
public static class SampleDataCommand
{
    public const string Usage = """
        Generates the synthetic population and writes the five sample agency databases.

        Options:
          --children N              children to generate, 100 to 1,000,000 (default 10,000)
          --seed N                  random seed; the same seed gives the same data (default 1)
          --reference-date DATE     "today" in the synthetic world, yyyy-MM-dd (default 2026-10-01)
          --output DIR              folder for the SQLite files <agency>.db (default data; also --out)
          --provider P              sqlite (default), postgres or sqlserver, for every agency
          --connection-template S   connection string for postgres/sqlserver; {agency} becomes child_index,
                                    education, early_years, social_care or voluntary_sector
          --database AGENCY=P:S     one agency's own database, e.g. education=postgres:Host=...;Database=edu
                                    (repeatable; overrides --provider and --output for that agency)
          --agencies A,B            only these agencies (default: all)
          --chunk-size N            children per batch (default 5,000)
          --force                   replace databases that already hold data
          --quiet                   no progress output
          --help                    this text
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = Parse(args);
        if (parsed.Help)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }

        var options = parsed.Options!;
        var progress = parsed.Quiet ? null : new SynchronousProgress(p => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {p.Fraction,4:P0}  {p.ChildrenWritten,9:N0} children  {p.Rate,8:N0}/s  {p.Elapsed.TotalSeconds,6:N1} s")));
        try
        {
            if (!parsed.Quiet)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Generating {options.Children:N0} children (seed {options.Seed}, reference date {options.ReferenceDate:yyyy-MM-dd})...")).ConfigureAwait(false);
            }

            var summary = await new SampleDataGenerator().GenerateAsync(options, progress, cancellationToken).ConfigureAwait(false);
            await WriteSummaryAsync(output, summary).ConfigureAwait(false);
            return 0;
        }
        catch (SampleDataException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; the databases are incomplete (run again with --force).").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await error.WriteLineAsync($"Generation failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, GenerationSummary summary)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {summary.Children:N0} children in {summary.Elapsed.TotalSeconds:N1} s ({summary.Rate:N0} children/s).")).ConfigureAwait(false);
        foreach (var agency in summary.Agencies)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {agency.Agency,-17} {agency.TotalRows,11:N0} rows  {agency.Target}")).ConfigureAwait(false);
            foreach (var (table, rows) in agency.RowCounts)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      {table,-32} {rows,11:N0}")).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The outcome of parsing: options, or the problems found; or a request for help.</summary>
    public sealed record ParsedArguments(SampleDataOptions? Options, IReadOnlyList<string> Errors, bool Help, bool Quiet);

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SampleDataOptions();
        var errors = new List<string>();
        var databases = new Dictionary<string, DatabaseOptions>(StringComparer.Ordinal);
        bool help = false, quiet = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                errors.Add($"{arg} needs a value.");
                return null;
            }
            int? Number()
            {
                var text = Value();
                if (text is null)
                {
                    return null;
                }

                if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                errors.Add($"{arg} needs a whole number (was '{text}').");
                return null;
            }
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--children" or "-n":
                    if (Number() is { } children)
                    {
                        options = options with { Children = children };
                    }

                    break;
                case "--seed":
                    if (Number() is { } seed)
                    {
                        options = options with { Seed = seed };
                    }

                    break;
                case "--chunk-size":
                    if (Number() is { } chunk)
                    {
                        options = options with { ChunkSize = chunk };
                    }

                    break;
                case "--reference-date":
                    if (Value() is { } dateText)
                    {
                        if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            options = options with { ReferenceDate = date };
                        }
                        else
                        {
                            errors.Add($"--reference-date needs a date as yyyy-MM-dd (was '{dateText}').");
                        }
                    }
                    break;
                case "--output" or "--out" or "-o":
                    if (Value() is { } folder)
                    {
                        options = options with { OutputDirectory = folder };
                    }

                    break;
                case "--provider":
                    if (Value() is { } providerText)
                    {
                        if (TryParseProvider(providerText, out var provider))
                        {
                            options = options with { Provider = provider };
                        }
                        else
                        {
                            errors.Add($"Unknown provider '{providerText}'; use sqlite, postgres or sqlserver.");
                        }
                    }
                    break;
                case "--connection-template":
                    if (Value() is { } template)
                    {
                        options = options with { ConnectionTemplate = template };
                    }

                    break;
                case "--database":
                    if (Value() is { } spec)
                    {
                        ParseDatabase(spec, databases, errors);
                    }

                    break;
                case "--agencies":
                    if (Value() is { } list)
                    {
                        options = options with { Agencies = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                    }

                    break;
                case "--force" or "--overwrite":
                    options = options with { Overwrite = true };
                    break;
                case "--quiet" or "-q":
                    quiet = true;
                    break;
                default:
                    errors.Add($"Unknown option '{arg}'.");
                    break;
            }
        }
        if (databases.Count > 0)
        {
            options = options with { Databases = databases };
        }

        return new ParsedArguments(errors.Count == 0 ? options : null, errors, help, quiet);
    }

    private static void ParseDatabase(string spec, Dictionary<string, DatabaseOptions> databases, List<string> errors)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var colon = equals < 0 ? -1 : spec.IndexOf(':', equals + 1);
        if (equals <= 0 || colon < 0)
        {
            errors.Add($"--database needs AGENCY=PROVIDER:CONNECTION (was '{spec}').");
            return;
        }
        var agency = spec[..equals].Trim();
        var providerText = spec[(equals + 1)..colon].Trim();
        var connection = spec[(colon + 1)..].Trim();
        if (!TryParseProvider(providerText, out var provider))
        {
            errors.Add($"Unknown provider '{providerText}' for {agency}; use sqlite, postgres or sqlserver.");
            return;
        }
        if (provider == DatabaseProvider.Sqlite && !connection.Contains('=', StringComparison.Ordinal))
        {
            connection = "Data Source=" + connection;
        }

        databases[agency] = new DatabaseOptions { Provider = provider, ConnectionString = connection };
    }

    private static bool TryParseProvider(string text, out DatabaseProvider provider)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "sqlite":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "postgres" or "postgresql" or "pg" or "npgsql":
                provider = DatabaseProvider.Postgres;
                return true;
            case "sqlserver" or "mssql" or "sql-server":
                provider = DatabaseProvider.SqlServer;
                return true;
            default:
                provider = default;
                return false;
        }
    }

    /// <summary>Progress reported on the reporting thread (no synchronisation context needed for a console).</summary>
    private sealed class SynchronousProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
