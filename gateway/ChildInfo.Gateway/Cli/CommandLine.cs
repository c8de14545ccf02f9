namespace ChildInfo.Gateway.Cli;

/// <summary>The <c>childinfo</c> command line: picks the subcommand, turns a wrong command line into a message and exit code 2.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: childinfo [serve] [options]          serve the gateway (the default)
               childinfo policy explain --role R --purpose P
                                                    what a role may see and link for a purpose, and why
               childinfo compose --subgraph name=URL_OR_FILE ... [--out FILE]
                                                    compose subgraphs into a supergraph
               childinfo subgraph add | update | remove | list
                                                    register and change subgraphs on a running gateway
               childinfo token --role ROLE          a development token for the demo
               childinfo audit verify [--repair] | report | review
               childinfo stats QUESTION.json [--csv FILE]
                                                    ask a running gateway a saved aggregate question
               childinfo link run | record | review | stats
                                                    build the child index from the agencies' records

        serve
          --supergraph FILE   serve this Apollo Federation 2 supergraph; subgraph URLs come from its join__Graph values
                              (required here; the demo, gateway/ChildInfo.Gateway.Demo, serves its sample agencies
                              without it)
          --open              Development only, with --supergraph: serve any supergraph with no identity, purpose or
                              policies (every caller sees every field); still audited, and /health says it is open
          --urls URLS         where the gateway listens (default http://127.0.0.1:4000)
          --data DIR          local files: audit log, registry (without Redis) (default data/demo)
          --Section:Key=VALUE any setting, as in appsettings.json (for example --ChildInfo:RateLimit:PermitLimit=600);
                              wins over appsettings.json and environment variables (ChildInfo__RateLimit__PermitLimit)

        token (Development only: the embedded demo accepts these tokens)
          --role ROLE         the role, for example social_worker, school_dsl, early_help_worker
          --user ID           the user (default dev-<role>)
          --org ORG           organisation; --team T, --school URN, --setting URN relationships
          --data DIR          the demo's data folder holding the development signing key (default data/demo)

        audit verify [--repair] | report --child ID [--days N] | review [--after SEQ] [--limit N]
          --data DIR          the folder holding audit.db, audit.head and audit.key (default data/demo)
          --store KIND        sqlite (default), postgres or sqlserver (or CHILDINFO_AUDIT_STORE)
          --connection TEXT   the SQLite file or the database's connection string (or CHILDINFO_AUDIT_CONNECTION)
          --key-file FILE     the checkpoint key, for verify (default DIR/audit.key, or CHILDINFO_AUDIT_KEY_FILE)
          --head-file FILE    the signed head the gateway writes outside the database, for verify (default beside
                              the SQLite file, DIR/audit.head for a database server, or CHILDINFO_AUDIT_HEAD_FILE)
          --repair            verify, then rebuild the children's index from the chain if that is all that is wrong
          verify exits 1 and names the first problem: a record changed, removed or added, records cut from the end,
          a missing or forged head, details removed outside retention, a child's access missing from the index

        subgraph add NAME --url URL --classifications FILE | update NAME [--url URL] [--classifications FILE]
                 | remove NAME | list          (system owners: the running gateway's subgraph registry)
          --gateway URL       the gateway (default http://127.0.0.1:4000)
          --token TOKEN       a bearer token with the role system_owner (or CHILDINFO_TOKEN); in Development a
                              token is minted from the demo's key in --data DIR (default data/demo)
          --dry-run           run every check and show the API schema's changes; change nothing
          --force             apply a change that breaks queries the gateway answers today
          exits 1 when the change is refused, naming each problem

        stats QUESTION.json (an analyst's saved question: the JSON of a CohortQuestionInput; exits 1 when refused)
          --gateway URL       the gateway (default http://127.0.0.1:4000)
          --token TOKEN       a bearer token of an analyst (or CHILDINFO_TOKEN); in Development a la_analyst token
                              is minted from the demo's key in --data DIR (default data/demo); --role R for another
          --purpose P         an aggregate-only purpose (default service_planning)
          --csv FILE          also write the table as CSV, with GSS symbols in place of withheld figures

        link run | record --agency A --id ID | review [--accept PAIR | --reject PAIR --reason TEXT] | stats [--index FILE --truth FILE]
                 (a linkage officer under record_linkage: the running gateway's linkage job; exits 1 when refused)
          run                 read every agency's records for linkage through its subgraph, link them (identifiers
                              first, then names, date of birth, sex and postcode, with reviewers' decisions kept) and
                              rewrite the child index in one transaction; nothing is written if any agency fails
          record              link one new or changed record (--agency A --id LOCAL_ID) between runs: read it alone
                              from its agency, compare it with the records sharing a blocking key under the last
                              run's model, and join it to a child, give it a new one, or queue it for review
          review              list the pairs waiting for a person, with each field's comparison; --accept PAIR or
                              --reject PAIR (the R-... id the list shows) with --reason records the decision, audited
                              and respected by every later run
          stats               links by method, pairs waiting for review, the last run; with --index FILE (the child
                              index the job wrote) and --truth FILE (one the data generator wrote from its ground
                              truth) precision, recall, review band and link rates by ethnicity, sex and deprivation
          --gateway URL       the gateway (default http://127.0.0.1:4000)
          --token TOKEN       a bearer token of a linkage officer (or CHILDINFO_TOKEN); in Development a
                              linkage_officer token is minted from the demo's key in --data DIR (default data/demo);
                              --user ID names the reviewer
          --purpose P         a linkage-only purpose (default record_linkage)

        compose (a URL is asked for { _service { sdl } }; a file is read; exits 1 on composition errors)
          --subgraph NAME=URL_OR_FILE   a subgraph, repeated for each one
          --out FILE          write the supergraph here instead of printing it

        policy explain (unknown role or purpose exits 2; an invalid policy set exits 1)
          --role R --purpose P  the role and purpose to explain, for example social_worker child_protection
          --policies DIR      the policy files (default ChildInfo__Policies or the sample set)
          --supergraph FILE   the supergraph the policies classify (default the demo's)
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, CommandLineExtensions.None, cancellationToken);

    /// <summary>Runs the command line with what another executable adds to it (the demo's sample agencies).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CommandLineExtensions extensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(extensions);
        try
        {
            if (args is [var asked, .. var rest] && !asked.StartsWith('-') && rest.Any(a => a is "--help" or "-h"))
            {
                return await HelpAsync(asked, output, extensions).ConfigureAwait(false);
            }

            switch (args)
            {
                case [] or ["serve", ..]:
                    return await ServeCommand.RunAsync(ServeOptions.Parse(args.Length == 0 ? [] : args[1..]), output, error, extensions, TokenCommand.CurrentEnvironment(), cancellationToken).ConfigureAwait(false);
                case [var first, ..] when first.StartsWith("--", StringComparison.Ordinal) && first is not "--help":
                    return await ServeCommand.RunAsync(ServeOptions.Parse(args), output, error, extensions, TokenCommand.CurrentEnvironment(), cancellationToken).ConfigureAwait(false);
                case ["help" or "--help" or "-h", ..]:
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    if (extensions.Usage is { } more)
                    {
                        await output.WriteLineAsync($"{Environment.NewLine}{extensions.Name} adds:").ConfigureAwait(false);
                        await output.WriteLineAsync(more).ConfigureAwait(false);
                    }

                    return 0;
                case ["token", ..]:
                    return await TokenCommand.RunAsync(args[1..], output, error, TokenCommand.CurrentEnvironment(), cancellationToken).ConfigureAwait(false);
                case ["audit", ..]:
                    return await AuditCommand.RunAsync(args[1..], output, error, cancellationToken).ConfigureAwait(false);
                case ["compose", ..]:
                    return await ComposeCommand.RunAsync(args[1..], output, error, null, cancellationToken).ConfigureAwait(false);
                case ["policy", ..]:
                    return await PolicyCommand.RunAsync(args[1..], output, error, extensions.DefaultSupergraph, cancellationToken).ConfigureAwait(false);
                case [var name, ..] when extensions.Commands.TryGetValue(name, out var command):
                    return await command(args[1..], output, error, cancellationToken).ConfigureAwait(false);
                case ["link", ..]:
                    return await LinkCommand.RunAsync(args[1..], output, error, TokenCommand.CurrentEnvironment(), null, cancellationToken).ConfigureAwait(false);
                case ["stats", ..]:
                    return await StatsCommand.RunAsync(args[1..], output, error, TokenCommand.CurrentEnvironment(), null, cancellationToken).ConfigureAwait(false);
                case ["subgraph", ..]:
                    return await SubgraphCommand.RunAsync(args[1..], output, error, TokenCommand.CurrentEnvironment(), null, cancellationToken).ConfigureAwait(false);
                default:
                    throw new CommandLineException($"Unknown command '{args[0]}'.");
            }
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'childinfo --help' for usage.").ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>
    /// <c>childinfo COMMAND ... --help</c>: the usage of that one command (every paragraph of the usage, the
    /// executable's additions included, that starts with the command's name); an unknown command is an error.
    /// </summary>
    private static async Task<int> HelpAsync(string command, TextWriter output, CommandLineExtensions extensions)
    {
        var paragraphs = (Usage + "\n\n" + (extensions.Usage ?? ""))
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p == command || p.StartsWith(command + " ", StringComparison.Ordinal) || p.StartsWith(command + "\n", StringComparison.Ordinal))
            .ToList();
        if (paragraphs.Count == 0)
        {
            throw new CommandLineException($"Unknown command '{command}'.");
        }

        await output.WriteLineAsync(string.Join(Environment.NewLine + Environment.NewLine, paragraphs)).ConfigureAwait(false);
        return 0;
    }
}
