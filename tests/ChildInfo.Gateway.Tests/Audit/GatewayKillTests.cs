using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Verification;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Federation;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// Killing the gateway mid-run loses no acknowledged request's record. The real <c>childinfo</c> app runs the embedded
/// demo as its own process over a fresh data folder (SQLite audit store); 32 clients send the joined-up child query,
/// each request under a unique operation name, which the audit keeps in the record's operation text. Once a few
/// hundred requests have been answered 200 in full, the process is killed hard while requests are in flight. The
/// store, opened afterwards through the audit library, must hold exactly one record for every answered request, none
/// twice, and a chain that verifies; a gateway restarted on the same folder must extend that chain.
/// </summary>
public sealed partial class GatewayKillTests(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int KillAfterAcknowledged = 300;
    private const int RequestsAfterRestart = 20;
    private const int DemoChildren = 100;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HardKill_WhileRequestsInFlight_EveryAcknowledgedRequestHasOneRecord_ChainVerifies_RestartExtendsChain()
    {
        var watch = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("childinfo-kill-tests-").FullName;
        try
        {
            // The demo accepts development tokens signed with the key in its data folder: make it first, then start. A
            // team manager under child_protection may see every child (scope everyone), so every answer holds the child.
            var now = DateTimeOffset.UtcNow;
            var token = DevelopmentIdentity.CreateToken(DevelopmentIdentity.EnsureKey(folder), new DevelopmentTokenRequest("team_manager", "kill.test")
            {
                Organisation = "Northshire Children's Services",
                NotBefore = now.AddMinutes(-1),
                Lifetime = TimeSpan.FromMinutes(30),
            }, now);

            LoadRun run;
            IReadOnlyList<string> children;
            await using (var gateway = await GatewayProcess.StartAsync(folder, DemoChildren, StartDeadline))
            {
                output.WriteLine($"started pid {gateway.Id} at {gateway.GraphQLUrl} after {watch.Elapsed.TotalSeconds:F1} s");
                children = ChildIds(folder);
                Assert.NotEmpty(children);
                run = await LoadUntilKilledAsync(gateway, token, children);
                Assert.True(gateway.HasExited, "the gateway process is still running after the kill");
            }

            output.WriteLine($"killed after {run.Acknowledged.Count} acknowledged requests with {run.InFlightAtKill} in flight; {run.Failed} failed ({run.FailedBeforeKill} of them before the kill), {run.NotOk} answered other than 200; at {watch.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(0, run.Invalid);
            Assert.Equal(0, run.NotOk);
            Assert.Equal(0, run.FailedBeforeKill);
            Assert.True(run.InFlightAtKill > 0, "no request was in flight when the gateway was killed");
            Assert.True(run.Acknowledged.Count >= KillAfterAcknowledged, $"only {run.Acknowledged.Count} requests were acknowledged");

            var store = new SqliteAuditStore(Path.Combine(folder, "audit.db"));
            var verifier = new AuditVerifier(store, new AuditCheckpointSigner(AuditKeyFile.Load(Path.Combine(folder, "audit.key")), "audit"));
            var before = await ReadAllAsync(store);
            // The demo's first run built its child index with the linkage job before serving: that run's record comes first.
            Assert.Equal(ChildInfo.Gateway.Demo.DemoLinkage.User, before[0].User);
            var requests = before.Skip(1).ToList();
            var names = CountByOperationName(requests);
            var acknowledged = run.Acknowledged.ToHashSet(StringComparer.Ordinal);
            output.WriteLine($"{before.Count} records after the kill: the first run's linkage, {acknowledged.Count} acknowledged, {names.Keys.Count(n => !acknowledged.Contains(n))} for requests cut off before their answer arrived");

            Assert.Empty(acknowledged.Where(n => !names.ContainsKey(n)).Order(StringComparer.Ordinal));
            Assert.Empty(names.Where(n => n.Value > 1).Select(n => $"{n.Key} x{n.Value}"));
            Assert.Equal(requests.Count, names.Values.Sum());
            Assert.All(requests.Where(r => acknowledged.Contains(OperationName(r)!)), r => Assert.True(r.Outcome is AuditOutcome.Ok or AuditOutcome.Partial, $"{OperationName(r)}: {r.Outcome}"));
            var afterKill = await verifier.VerifyAsync();
            Assert.True(afterKill.IsIntact, afterKill.Summary);
            Assert.Equal(before.Count, afterKill.RecordsChecked);

            // Restarted on the same folder: it opens the same store and appends after the last record.
            await using (var gateway = await GatewayProcess.StartAsync(folder, DemoChildren, StartDeadline))
            {
                output.WriteLine($"restarted pid {gateway.Id} at {gateway.GraphQLUrl} after {watch.Elapsed.TotalSeconds:F1} s");
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                var answered = await Task.WhenAll(Enumerable.Range(0, RequestsAfterRestart).Select(i =>
                    SendAsync(client, gateway.GraphQLUrl, token, $"R_0_{i}", children[i % children.Count])));
                Assert.All(answered, a => Assert.Equal(Answer.Acknowledged, a));
                await gateway.KillAsync();
            }

            var after = await ReadAllAsync(store);
            Assert.Equal(before.Count + RequestsAfterRestart, after.Count);
            Assert.Equal(before.Select(r => r.RecordHash), after.Take(before.Count).Select(r => r.RecordHash));
            var restarted = after.Skip(before.Count).ToList();
            Assert.Equal(before[^1].RecordHash, restarted[0].PreviousHash);
            Assert.Equal(
                Enumerable.Range(0, RequestsAfterRestart).Select(i => $"R_0_{i}").Order(StringComparer.Ordinal),
                restarted.Select(OperationName).Order(StringComparer.Ordinal));
            var afterRestart = await verifier.VerifyAsync();
            Assert.True(afterRestart.IsIntact, afterRestart.Summary);
            Assert.Equal(after.Count, afterRestart.RecordsChecked);
            output.WriteLine($"{afterRestart.Summary} Run time {watch.Elapsed.TotalSeconds:F1} s.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the system's temp cleaning.
            }
        }
    }

    /// <summary>
    /// Runs <see cref="Clients"/> clients until <see cref="KillAfterAcknowledged"/> requests are acknowledged; the client
    /// that sees that answer kills the gateway there and then, with the other clients' requests in flight, and the
    /// clients run into the dead socket before they are stopped.
    /// </summary>
    private async Task<LoadRun> LoadUntilKilledAsync(GatewayProcess gateway, string token, IReadOnlyList<string> children)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var acknowledged = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int stopped = 0, killing = 0, inFlightAtKill = 0;
        int inFlight = 0, count = 0, failed = 0, failedBeforeKill = 0, notOk = 0, invalid = 0;
        var workers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; Volatile.Read(ref stopped) == 0; n++)
            {
                var name = $"Q_{c}_{n}";
                Interlocked.Increment(ref inFlight);
                var answer = await SendAsync(client, gateway.GraphQLUrl, token, name, children[(c + n) % children.Count]);
                Interlocked.Decrement(ref inFlight);
                switch (answer)
                {
                    case Answer.Acknowledged:
                        acknowledged.Enqueue(name);
                        if (Interlocked.Increment(ref count) == KillAfterAcknowledged)
                        {
                            // At once, from the client that saw the answer: the latest answers' records are the ones at risk.
                            Volatile.Write(ref killing, 1);
                            Volatile.Write(ref inFlightAtKill, Volatile.Read(ref inFlight));
                            gateway.Kill();
                            enough.TrySetResult();
                        }

                        break;
                    case Answer.Failed:
                        Interlocked.Increment(ref failed);
                        if (Volatile.Read(ref killing) == 0)
                        {
                            Interlocked.Increment(ref failedBeforeKill);
                        }

                        break;
                    case Answer.NotOk:
                        Interlocked.Increment(ref notOk);
                        break;
                    default:
                        Interlocked.Increment(ref invalid);
                        break;
                }
            }
        })).ToList();

        try
        {
            var first = await Task.WhenAny(enough.Task, Task.WhenAll(workers), Task.Delay(LoadDeadline));
            Assert.True(first == enough.Task, $"only {Volatile.Read(ref count)} of {KillAfterAcknowledged} requests were acknowledged within {LoadDeadline.TotalSeconds:0} s ({failed} failed, {notOk} not 200). Gateway output:{Environment.NewLine}{gateway.Log}");
        }
        finally
        {
            Volatile.Write(ref stopped, 1);
            await gateway.KillAsync();
            await Task.WhenAll(workers);
        }

        return new LoadRun([.. acknowledged], inFlightAtKill, failed, failedBeforeKill, notOk, invalid);
    }

    /// <summary>One request of the joined-up child query named <paramref name="operationName"/>: acknowledged only when a complete 200 answer with the child arrived.</summary>
    private static async Task<Answer> SendAsync(HttpClient client, Uri url, string token, string operationName, string childId)
    {
        var query = "query " + operationName + JoinedUpChildTests.JoinedUpQuery["query".Length..];
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables = new { id = childId } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", "audit durability test");
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                return Answer.NotOk;
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("child", out var child)
                && child.ValueKind == JsonValueKind.Object && child.GetProperty("id").GetString() == childId
                ? Answer.Acknowledged
                : Answer.Invalid;
        }
        // A socket that dies while the connection is being set up can surface as a bare SocketException
        // (HttpClient reads the remote end point outside its own error wrapping): a failed request, as the others.
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or SocketException)
        {
            return Answer.Failed;
        }
        catch (JsonException)
        {
            return Answer.Invalid;
        }
    }

    /// <summary>Children of the demo's child index, those linked to the most agencies first.</summary>
    private static List<string> ChildIds(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "child-index.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id ORDER BY COUNT(DISTINCT source_system) DESC, child_id LIMIT 16";
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<List<AuditRecord>> ReadAllAsync(IAuditStore store)
    {
        var all = new List<AuditRecord>();
        while (true)
        {
            var page = await store.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, 1000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    private static Dictionary<string, int> CountByOperationName(IEnumerable<AuditRecord> records)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var name = OperationName(record);
            Assert.True(name is not null, $"record {record.Sequence} is not one of the test's requests: {record.OperationText}");
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    /// <summary>The operation name in a record's stored (normalised) operation text.</summary>
    private static string? OperationName(AuditRecord record) =>
        record.OperationText is { } text && Named().Match(text) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"^query (?<name>[QR]_\d+_\d+)\b")]
    private static partial Regex Named();

    private enum Answer
    {
        Acknowledged,
        NotOk,
        Failed,
        Invalid,
    }

    private sealed record LoadRun(IReadOnlyList<string> Acknowledged, int InFlightAtKill, int Failed, int FailedBeforeKill, int NotOk, int Invalid);
}
