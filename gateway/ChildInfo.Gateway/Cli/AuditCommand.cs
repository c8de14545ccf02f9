using System.Data.Common;
using System.Globalization;
using ChildInfo.Audit;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Transparency;
using ChildInfo.Audit.Verification;
using ChildInfo.Gateway.Audit;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo audit verify [--repair] | report --child ID | review</c>: checks the chain, its signed head (in the
/// database and in the head file), retention and the children's index (exit 1 at the first problem; with
/// <c>--repair</c>, a children's index that no longer matches an intact chain is rebuilt from it, and the run still
/// exits 1 because something had been changed), prints a child's access report in plain English, lists break-glass
/// accesses and overrides for review.
/// </summary>
public static class AuditCommand
{
    private static readonly HashSet<string> StoreOptions = ["store", "connection", "data", "key-file"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0)
        {
            throw new CommandLineException("'audit' needs a subcommand: audit verify, audit report --child ID, audit review.");
        }

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "verify" => await VerifyAsync(new ArgumentReader("audit verify", rest, new HashSet<string>(StoreOptions) { "head-file" }, new HashSet<string> { "repair" }), output, error, cancellationToken).ConfigureAwait(false),
            "report" => await ReportAsync(new ArgumentReader("audit report", rest, new HashSet<string>(StoreOptions) { "child", "days" }, new HashSet<string>()), output, error, cancellationToken).ConfigureAwait(false),
            "review" => await ReviewAsync(new ArgumentReader("audit review", rest, new HashSet<string>(StoreOptions) { "after", "limit" }, new HashSet<string>()), output, error, cancellationToken).ConfigureAwait(false),
            _ => throw new CommandLineException($"Unknown audit subcommand '{args[0]}': use audit verify, audit report --child ID or audit review."),
        };
    }

    private static async Task<int> VerifyAsync(ArgumentReader reader, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = Configure(reader);
        if (await MissingAsync(configuration, error, needKey: true).ConfigureAwait(false))
        {
            return 1;
        }

        var options = new GatewayAuditOptions
        {
            Provider = configuration.Provider,
            ConnectionString = configuration.ConnectionString,
            CheckpointKey = AuditKeyFile.Load(configuration.KeyFile),
            CheckpointKeyId = Path.GetFileNameWithoutExtension(configuration.KeyFile),
            HeadFile = configuration.HeadFile,
        };
        var store = AuditStores.Open(options.Provider, options.ConnectionString);
        await using var log = new AuditLog(store, options.ToAuditOptions(), TimeProvider.System);
        var verifier = log.CreateVerifier();
        try
        {
            var check = await verifier.VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (check.IsIntact)
            {
                await output.WriteLineAsync(check.Summary).ConfigureAwait(false);
                return 0;
            }

            await error.WriteLineAsync(check.Summary).ConfigureAwait(false);
            if (reader.Has("repair"))
            {
                await RepairAsync(check, store, verifier, output, error, cancellationToken).ConfigureAwait(false);
            }

            return 1;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"childinfo: the audit log could not be read ({ex.Message}): its tables are missing or its database cannot be reached.").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Rebuilds the children's index from the chain, only when the index is all that is wrong.</summary>
    private static async Task RepairAsync(AuditVerification check, IAuditStore store, AuditVerifier verifier, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (check.FirstBreak?.Kind != AuditBreakKind.ChildIndexMismatch)
        {
            await error.WriteLineAsync("Nothing was repaired: --repair only rebuilds the children's index, and only from a chain that verifies.").ConfigureAwait(false);
            return;
        }

        var chain = await verifier.VerifyAsync(checkChildIndex: false, cancellationToken).ConfigureAwait(false);
        if (!chain.IsIntact)
        {
            await error.WriteLineAsync($"Nothing was repaired: the children's index is only rebuilt from a chain that verifies, and {chain.Summary}").ConfigureAwait(false);
            return;
        }

        var rows = await store.RebuildChildIndexAsync(cancellationToken).ConfigureAwait(false);
        var after = await verifier.VerifyAsync(cancellationToken).ConfigureAwait(false);
        await (after.IsIntact ? output : error).WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"Repaired: the children's index was rebuilt from the chain ({rows} rows). {after.Summary}")).ConfigureAwait(false);
    }

    private static async Task<int> ReportAsync(ArgumentReader reader, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var child = reader.String("child") ?? throw new CommandLineException("'audit report' needs --child ID (a child index id, for example CH-...).");
        var days = reader.Int("days", 1, 36_500) ?? 365;
        var configuration = Configure(reader);
        if (await MissingAsync(configuration, error, needKey: false).ConfigureAwait(false))
        {
            return 1;
        }

        var transparency = new AuditTransparency(AuditStores.Open(configuration.Provider, configuration.ConnectionString), TimeProvider.System);
        var report = await transparency.ReportForChildAsync(child, TimeSpan.FromDays(days), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(report.ToText()).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ReviewAsync(ArgumentReader reader, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var after = reader.Int("after", 0, int.MaxValue) ?? 0;
        var limit = reader.Int("limit", 1, 10_000) ?? 100;
        var configuration = Configure(reader);
        if (await MissingAsync(configuration, error, needKey: false).ConfigureAwait(false))
        {
            return 1;
        }

        var transparency = new AuditTransparency(AuditStores.Open(configuration.Provider, configuration.ConnectionString), TimeProvider.System);
        var queue = await transparency.ReviewQueueAsync(after, limit, cancellationToken).ConfigureAwait(false);
        if (queue.Count == 0)
        {
            await output.WriteLineAsync("Nothing to review: no break-glass access and no preference set aside" + (after > 0 ? $" after record {after}." : ".")).ConfigureAwait(false);
            return 0;
        }

        foreach (var item in queue)
        {
            var record = item.Record;
            var kind = (item.BreakGlass, item.PreferenceOverridden) switch
            {
                (true, true) => "break-glass, preference set aside",
                (true, false) => "break-glass",
                _ => "preference set aside",
            };
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"#{record.Sequence} {record.Time:yyyy-MM-dd HH:mm}Z {kind}: {record.User} ({record.Role}, {record.Organisation}) for {record.Purpose}; children {string.Join(", ", record.ChildIds)}")).ConfigureAwait(false);
            await output.WriteLineAsync("  justification: " + (item.Justification is { Length: > 0 } j ? $"\"{j}\"" : record.IsRedacted ? "(removed under retention)" : "(none given)")).ConfigureAwait(false);
            foreach (var o in record.Payload?.PreferenceOverrides ?? [])
            {
                await output.WriteLineAsync($"  set aside for {o.ChildId}: \"{o.Preference}\" ({o.Reason})").ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>
    /// The options first, then the same settings <c>serve</c> reads (<c>ChildInfo:Audit</c> in appsettings.json or the
    /// environment, and the older <c>CHILDINFO_AUDIT_*</c> variables), so that the commands find the gateway's log.
    /// </summary>
    private static AuditConfiguration Configure(ArgumentReader reader)
    {
        try
        {
            var configuration = ServeConfiguration.Build(new ServeOptions(), TokenCommand.CurrentEnvironment());
            var audit = configuration.GetSection(ServeSettings.Section + ":Audit").Get<AuditSettings>() ?? new AuditSettings();
            return AuditConfiguration.Resolve(reader.String("data") ?? Path.Combine("data", "demo"), reader.String("store") ?? audit.Store, reader.String("connection") ?? audit.Connection,
                reader.String("key-file") ?? audit.KeyFile, name => configuration[name] is { Length: > 0 } value ? value : null, reader.String("head-file") ?? audit.HeadFile);
        }
        catch (Exception ex) when (ex is ArgumentException or ServeConfigurationException or InvalidOperationException)
        {
            throw new CommandLineException(ex.Message);
        }
    }

    /// <summary>A SQLite audit file (and, for verify, its key) must exist: never create an empty log to read.</summary>
    private static async Task<bool> MissingAsync(AuditConfiguration configuration, TextWriter error, bool needKey)
    {
        if (configuration.Provider == AuditStoreProvider.Sqlite && !File.Exists(configuration.ConnectionString))
        {
            await error.WriteLineAsync($"childinfo: there is no audit log at '{Path.GetFullPath(configuration.ConnectionString)}'. Start the gateway (childinfo serve) to create one, or say where it is with --data DIR, --connection FILE or {AuditConfiguration.ConnectionVariable}.").ConfigureAwait(false);
            return true;
        }

        if (needKey && !File.Exists(configuration.KeyFile))
        {
            await error.WriteLineAsync($"childinfo: the checkpoint key '{Path.GetFullPath(configuration.KeyFile)}' does not exist; verification needs the key the gateway signs with (--key-file FILE or {AuditConfiguration.KeyFileVariable}).").ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
