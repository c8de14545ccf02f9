using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// Load runs on loopback, too long for every test run: set <c>CHILDINFO_AUDIT_LOAD=1</c> (see
/// <c>tests/ChildInfo.Benchmarks/load/audit.sh</c>). 10,000 requests from 50 concurrent clients leave exactly 10,000
/// records and a verified chain; the joined-up child query's latency with audit on and off, in the same run.
/// </summary>
public sealed class AuditLoadTests(GatewayEnvironment environment, ITestOutputHelper output)
{
    private const int Clients = 50;

    [Fact]
    public async Task TenThousandRequests_FiftyClients_ExactlyTenThousandRecords_ChainVerifies()
    {
        SkipUnlessAsked();
        var requests = int.Parse(Environment.GetEnvironmentVariable("CHILDINFO_AUDIT_LOAD_REQUESTS") ?? "10000", CultureInfo.InvariantCulture);
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var children = await TestChildren.LinkedEverywhereAsync(environment, 20);
        var before = (await gateway.RecordsAsync()).Count;
        var watch = Stopwatch.StartNew();
        var (ok, _) = await RunAsync(gateway.GraphQLUrl, "query($id: ID!) { child(id: $id) { id forename surname } }", children, requests);
        watch.Stop();

        var audit = gateway.App.Services.GetRequiredService<GatewayAudit>();
        var records = (await gateway.RecordsAsync()).Count - before;
        var check = await audit.Log.CreateVerifier().VerifyAsync();
        output.WriteLine($"{requests} requests, {Clients} clients: {ok} answered 200 in {watch.Elapsed.TotalSeconds:F1} s ({requests / watch.Elapsed.TotalSeconds:F0}/s); {records} records in {audit.Log.BatchesWritten} transactions; {check.Summary}");
        Assert.Equal(requests, ok);
        Assert.Equal(requests, records);
        Assert.True(check.IsIntact, check.Summary);
    }

    [Fact]
    public async Task JoinedUpQuery_AuditOnVersusOff_SameRun()
    {
        SkipUnlessAsked();
        var perPhase = int.Parse(Environment.GetEnvironmentVariable("CHILDINFO_AUDIT_LOAD_PHASE") ?? "2000", CultureInfo.InvariantCulture);
        await using var on = await AuditedGateway.StartAsync(environment);
        var (offApp, offUrl) = await environment.StartGatewayAsync(environment.SubgraphUrls);
        await using var off = offApp;
        var children = await TestChildren.LinkedEverywhereAsync(environment, 20);
        var query = JoinedUpChildTests.JoinedUpQuery;

        await RunAsync(offUrl, query, children, 500);
        await RunAsync(on.GraphQLUrl, query, children, 500);
        var latencies = new Dictionary<string, List<double>> { ["off"] = [], ["on"] = [] };
        var report = new StringBuilder();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, url) in new[] { ("off", offUrl), ("on", on.GraphQLUrl) })
            {
                var watch = Stopwatch.StartNew();
                var (ok, times) = await RunAsync(url, query, children, perPhase);
                watch.Stop();
                Assert.Equal(perPhase, ok);
                latencies[name].AddRange(times);
                report.AppendLine(CultureInfo.InvariantCulture, $"round {round + 1} audit {name}: {perPhase / watch.Elapsed.TotalSeconds:F0} req/s, mean {times.Average():F2} ms, p50 {Percentile(times, 50):F2} ms, p95 {Percentile(times, 95):F2} ms");
            }
        }

        double Mean(string n) => latencies[n].Average();
        report.AppendLine(CultureInfo.InvariantCulture, $"all rounds: off mean {Mean("off"):F2} ms p50 {Percentile(latencies["off"], 50):F2} p95 {Percentile(latencies["off"], 95):F2}; on mean {Mean("on"):F2} ms p50 {Percentile(latencies["on"], 50):F2} p95 {Percentile(latencies["on"], 95):F2}; audit adds {(Mean("on") / Mean("off") - 1) * 100:F1}% to the mean");
        var batches = on.App.Services.GetRequiredService<GatewayAudit>().Log.BatchesWritten;
        report.AppendLine(CultureInfo.InvariantCulture, $"audit on: {(await on.RecordsAsync()).Count} records in {batches} transactions");
        // In the test's output (dotnet test --logger "console;verbosity=detailed"), not a file left in the temp folder.
        output.WriteLine(report.ToString());
    }

    private static void SkipUnlessAsked()
    {
        if (Environment.GetEnvironmentVariable("CHILDINFO_AUDIT_LOAD") != "1")
        {
            Assert.Skip("Load run: set CHILDINFO_AUDIT_LOAD=1 (tests/ChildInfo.Benchmarks/load/audit.sh).");
        }
    }

    /// <summary>Sends <paramref name="total"/> requests from <see cref="Clients"/> concurrent clients; returns how many got 200 and each latency (ms).</summary>
    private static async Task<(int Ok, List<double> Latencies)> RunAsync(Uri url, string query, IReadOnlyList<string> children, int total)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients };
        using var client = new HttpClient(handler);
        var next = -1;
        var ok = 0;
        var latencies = new List<double>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var body = System.Text.Json.JsonSerializer.Serialize(new { query, variables = new { id = children[i % children.Count] } });
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                }
            }
        }));
        return (ok, latencies.SelectMany(l => l).ToList());
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
