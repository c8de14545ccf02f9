using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Linkage;
using ChildInfo.Linkage.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// Builds the demo's child index with the linkage job, as <c>childinfo link run</c> does on a running gateway: the
/// five sample subgraphs and a gateway of the run's own (on free loopback ports, with the demo's policies and audit
/// log) are started, a linkage officer's token under <c>record_linkage</c> asks it for <c>POST /linkage/run</c>, and
/// both are stopped again. So the run is bound to the same policy rule, reads each agency's <c>_linkageRecords</c>
/// through the same signed calls, is audited the same way and writes the index in the same one transaction.
/// </summary>
/// <remarks>
/// What comes from where. The generator writes every agency's records and, in <c>child-index.db</c>, a child index
/// from its ground truth: that index is copied to <see cref="TruthFile"/> first, only for <c>link stats --truth</c>.
/// The job then rewrites <c>child-index.db</c> from the agencies' own identifiers: which records form one child, each
/// link's method, confidence and evidence, each child's best-known name, sex, date of birth and postcode, the pairs
/// left for review and the run itself are the job's. The generator's index is the "previous" index the job rewrites,
/// so a child keeps the id most of its records had there (the walk-through's ids carry over), its created-on date and
/// its ethnicity (which no agency offers for linkage), and the relationships register follows each record to its
/// child. A child the job splits off gets a new id; a generated child with no agency record is not in the index.
/// </remarks>
public static class DemoLinkage
{
    /// <summary>The generator's own child index, kept apart from the one the job writes (relative to the data folder).</summary>
    public static readonly string TruthFile = Path.Combine("truth", "child-index.db");

    /// <summary>Who the run's token names; its key lives only in this process.</summary>
    public const string User = "demo-first-run";

    private const string Justification = "The demo's first run: the child index built from the generated agencies' records";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Copies the generator's child index to <see cref="TruthFile"/>, replacing an older copy.</summary>
    public static async Task KeepTruthAsync(string directory, CancellationToken cancellationToken)
    {
        var truth = Path.Combine(directory, TruthFile);
        Directory.CreateDirectory(Path.GetDirectoryName(truth)!);
        File.Delete(truth);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "child-index.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = truth, Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        source.BackupDatabase(target);
    }

    /// <summary>Runs the linkage job over the sample agencies in <paramref name="directory"/>, writing its <c>child-index.db</c>.</summary>
    /// <exception cref="DemoLinkageException">The run was refused or failed; the gateway wrote nothing, or could not audit what it wrote.</exception>
    public static async Task<LinkageRunReport> RunAsync(string directory, DemoLinkageOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Linking the agencies' records into the child index (the linkage job, as {LinkCommand.Role} under {LinkCommand.DefaultPurpose}) ...").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var contextKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        LinkageRunReport report;
        await using (var subgraphs = await DemoSubgraphs.StartAsync(directory, preferredPorts: false, contextKey, cancellationToken).ConfigureAwait(false))
        {
            var app = CreateGateway(directory, options, subgraphs.Urls, contextKey, identityKey);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
                    report = await PostRunAsync(new Uri(address + LinkageEndpoint.RunPath), identityKey, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        // The subgraphs and the run's gateway are gone: let go of their files before the demo opens them again.
        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Linked {report.Records:N0} agency records ({string.Join(", ", report.RecordsByAgency.Select(a => $"{a.Key} {a.Value:N0}"))}) into {report.Children:N0} children: "
            + $"{report.LinksByMethod.Values.Sum():N0} links ({string.Join(", ", report.LinksByMethod.Select(m => $"{m.Key} {m.Value:N0}"))}), {report.Review:N0} pairs for review, "
            + $"in {clock.Elapsed.TotalSeconds:0.0} s (run {report.RunId}).")).ConfigureAwait(false);
        if (report.RemovedChildren > 0 || report.NewChildren > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Not in the index: {report.RemovedChildren:N0} generated children with no agency record. New child ids: {report.NewChildren:N0} (records the job told apart from the child the generator made them for).")).ConfigureAwait(false);
        }

        return report;
    }

    private static WebApplication CreateGateway(string directory, DemoLinkageOptions options, IReadOnlyDictionary<string, string> subgraphUrls, byte[] contextKey, byte[] identityKey) =>
        GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = subgraphUrls,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(identityKey), PolicyDirectory = options.PolicyDirectory, ContextSigningKey = contextKey },
            Audit = options.Audit,
            DataProtectionKeysDirectory = Path.Combine(directory, "keys"),
            // The run's gateway answers one request: its routing and key-ring lines would only bury the demo's own.
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Warning",
            }).Build(),
            Linkage = new LinkageJobOptions
            {
                ChildIndex = new LinkageStoreOptions { Provider = "sqlite", ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "child-index.db"), Pooling = false }.ToString() },
            },
        });

    private static async Task<LinkageRunReport> PostRunAsync(Uri url, byte[] identityKey, CancellationToken cancellationToken)
    {
        var token = DevelopmentIdentity.CreateToken(identityKey, new DevelopmentTokenRequest(LinkCommand.Role, User) { Organisation = "Northshire Children's Services", Lifetime = TimeSpan.FromMinutes(30) }, DateTimeOffset.UtcNow);
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("ChildInfo-Purpose", LinkCommand.DefaultPurpose);
        request.Headers.Add("ChildInfo-Justification", Justification);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
            throw error.ValueKind == JsonValueKind.Object
                ? new DemoLinkageException(error.GetProperty("code").GetString() ?? "LINKAGE_FAILED", error.GetProperty("message").GetString() ?? "The linkage run failed.")
                : new DemoLinkageException("LINKAGE_FAILED", $"The run's gateway answered {(int)response.StatusCode} without saying why.");
        }

        return body.Deserialize<LinkageRunReport>(Json)
            ?? throw new DemoLinkageException("LINKAGE_FAILED", "The run's gateway answered without the run's figures.");
    }
}
