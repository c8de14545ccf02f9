using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Verification;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Audit;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Registry;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Testing;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace ChildInfo.Gateway.Tests.Deployment;

/// <summary>
/// Three replicas of the production host (<c>childinfo serve --supergraph FILE</c>, each its own process) behind a
/// round-robin balancer on loopback, sharing one Redis (registry and rate limits) and one PostgreSQL audit database,
/// as a deployment runs them. Under load from four clients (enough to keep every replica busy on a shared two-core
/// machine), a subgraph is registered, one replica is killed and started again, Redis is killed and started again,
/// and a second subgraph is registered. No request fails except those that were on the killed replica; the three
/// write one audit chain that verifies, with one record for every request answered; the rate limit counts one budget
/// across the replicas; after each registration every replica serves the new revision, with the same supergraph,
/// within two seconds.
/// </summary>
[Collection(nameof(ThreeReplicaCollection))]
[Trait("Category", "Replicas")]
public sealed partial class ThreeReplicaTests(GatewayEnvironment environment, ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int Step = 60;
    private const int CountedRequests = 30;
    private const string CountedUser = "rate.counted";
    private static readonly TimeSpan Converged = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProgressDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ThreeReplicas_UnderLoad_RegistrationKillAndRedisRestart_OnlyKilledInFlightFail_OneChain_SameRevisionWithin2s()
    {
        var watch = Stopwatch.StartNew();
        var cancel = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("childinfo-replicas-").FullName;
        var replicas = new GatewayProcess?[3];
        var contextKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var redis = await RestartableRedis.StartAsync();
        var audit = await RealServers.PostgresDatabaseAsync("replicas");
        await using var subgraphs = await DemoSubgraphs.StartAsync(environment.DataDirectory, preferredPorts: false, contextKey, cancel);
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        await using var other = await ProbeSubgraph.StartAsync("other", ProbeSubgraph.SdlWith("version: String!", rootField: "otherProbe").Replace("RegistryProbe", "OtherProbe", StringComparison.Ordinal));
        try
        {
            var supergraphFile = Path.Combine(folder, "supergraph.graphql");
            await File.WriteAllTextAsync(supergraphFile, (await DemoSupergraph.ComposeAsync(subgraphs.Urls, TextWriter.Null, cancel)).Supergraph, cancel);
            var auditKeyFile = Path.Combine(folder, "audit.key");
            var auditKey = AuditKeyFile.LoadOrCreate(auditKeyFile);
            var settings = new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Identity__Issuer"] = DevelopmentIdentity.Issuer,
                ["Identity__Audience"] = DevelopmentIdentity.Audience,
                ["Identity__SigningKeys__0"] = Convert.ToBase64String(identityKey),
                ["ChildInfo__ContextKey"] = Convert.ToBase64String(contextKey),
                ["ChildInfo__Redis"] = redis.ConnectionString,
                ["ChildInfo__RateLimit__PermitLimit"] = "1000000",
                ["ChildInfo__RateLimit__WindowSeconds"] = "3600",
                ["ChildInfo__DataProtection__KeysDirectory"] = Path.Combine(folder, "keys"),
                [AuditConfiguration.StoreVariable] = "postgres",
                [AuditConfiguration.ConnectionVariable] = audit,
                [AuditConfiguration.KeyFileVariable] = auditKeyFile,
                // Each replica's account of following a change (WriteFollowLines).
                ["Logging__LogLevel__ChildInfo.Gateway.Registry"] = "Information",
            };

            Task<GatewayProcess> StartReplicaAsync(int index)
            {
                var data = Directory.CreateDirectory(Path.Combine(folder, $"replica-{index}")).FullName;
                return GatewayProcess.StartAsync(GatewayProcess.ProductionAppPath, ["serve", "--supergraph", supergraphFile, "--data", data, "--urls", "http://127.0.0.1:0"], settings, data, StartDeadline);
            }

            // The first replica creates the audit tables; the other two then start together.
            replicas[0] = await StartReplicaAsync(0);
            var others = await Task.WhenAll(StartReplicaAsync(1), StartReplicaAsync(2));
            (replicas[1], replicas[2]) = (others[0], others[1]);
            output.WriteLine($"three replicas ready at {watch.Elapsed.TotalSeconds:F1} s: {string.Join(", ", replicas.Select(r => r!.BaseUrl))}");

            await using var balancer = await RoundRobin.StartAsync([.. replicas.Select(r => r!.BaseUrl)]);
            var children = ChildIds();
            await using var load = Load.Start(balancer.Url, Token(identityKey, "team_manager", "tm.replicas"), children);

            await load.UntilAcknowledgedAsync(Step);
            await CountedAcrossReplicasAsync(balancer, identityKey, redis);

            // A system owner registers a subgraph through the balancer: every replica serves it within 2 s.
            var registered = await RegisterAsync(balancer.Url, identityKey, "registry-probe", probe.Url, ProbeSubgraph.Classifications);
            var first = await ConvergedAsync(replicas, 1);
            output.WriteLine($"revision 1 on every replica {first.TotalMilliseconds:F0} ms after the registration's answer, at {watch.Elapsed.TotalSeconds:F1} s");
            await WriteFollowLinesAsync(replicas, 1);
            Assert.Equal(200, registered);
            Assert.True(first < Converged, $"the replicas took {first.TotalMilliseconds:F0} ms to serve revision 1");
            await load.UntilAcknowledgedAsync(Step);

            // One replica is killed with requests in flight; the balancer takes it out at its first refused connection.
            const int victim = 1;
            var fromSequence = balancer.Sequence;
            var inFlightAtKill = balancer.InFlightOn(victim).Count;
            await replicas[victim]!.KillAsync();
            var toSequence = balancer.Sequence;
            output.WriteLine($"replica {victim} killed with {inFlightAtKill} requests in flight at {watch.Elapsed.TotalSeconds:F1} s");
            await load.UntilAcknowledgedAsync(Step);
            Assert.False(balancer.InRotation(victim), "the balancer kept sending to the killed replica");

            // Started again on the same data folder: it reads the registry before it serves, so it is on revision 1 at once.
            await replicas[victim]!.DisposeAsync();
            replicas[victim] = await StartReplicaAsync(victim);
            var restarted = await HealthAsync(replicas[victim]!);
            Assert.Equal(1, restarted.Revision);
            Assert.Equal((await HealthAsync(replicas[0]!)).Supergraph, restarted.Supergraph);
            balancer.Restore(victim, replicas[victim]!.BaseUrl);
            var answeredByRestarted = balancer.AnsweredBy(victim);
            await load.UntilAcknowledgedAsync(Step);
            Assert.True(balancer.AnsweredBy(victim) > answeredByRestarted, "the restarted replica answered nothing");
            output.WriteLine($"replica {victim} restarted and back in rotation at {watch.Elapsed.TotalSeconds:F1} s");

            // Redis is killed and started again (its append-only file keeps the registry): requests go on throughout.
            await redis.KillAsync();
            await load.UntilAcknowledgedAsync(Step);
            await redis.StartAgainAsync();
            await RegistryStoreAnswersAsync(replicas);
            output.WriteLine($"Redis restarted and every replica reads the registry again at {watch.Elapsed.TotalSeconds:F1} s");

            // A change after the restart reaches every replica: their subscriptions came back with the connection.
            var registeredAgain = await RegisterAsync(balancer.Url, identityKey, "other-probe", other.Url, "classifications:\n  Query.otherProbe: [reference]\n  OtherProbe.version: [reference]\n");
            var second = await ConvergedAsync(replicas, 2);
            output.WriteLine($"revision 2 on every replica {second.TotalMilliseconds:F0} ms after the registration's answer, at {watch.Elapsed.TotalSeconds:F1} s");
            await WriteFollowLinesAsync(replicas, 2);
            Assert.Equal(200, registeredAgain);
            Assert.True(second < Converged, $"the replicas took {second.TotalMilliseconds:F0} ms to serve revision 2");
            await load.UntilAcknowledgedAsync(Step);
            var run = await load.StopAsync();
            output.WriteLine($"{run.Acknowledged.Count} requests answered, {run.Failed.Count} failed; answers per replica {string.Join(", ", Enumerable.Range(0, 3).Select(balancer.AnsweredBy))}; at {watch.Elapsed.TotalSeconds:F1} s");

            // Only requests forwarded to the killed replica before it was gone failed; nothing else did.
            Assert.Empty(run.NotOk);
            var failures = balancer.Failures;
            Assert.Equal(run.Failed.Count, failures.Count);
            Assert.All(failures, f => Assert.True(f.Replica == victim && f.Id > 0 && f.Id <= toSequence, $"request {f.Id} failed on replica {f.Replica}: {f.Problem}"));
            Assert.True(failures.Count <= inFlightAtKill + (toSequence - fromSequence), $"{failures.Count} failures, {inFlightAtKill} in flight at the kill");

            // One chain, verified, holding exactly one record for every answered request.
            var store = new PostgresAuditStore(audit);
            var signer = new AuditCheckpointSigner(auditKey, "audit");
            var verified = await new AuditVerifier(store, signer).VerifyAsync(cancel);
            Assert.True(verified.IsIntact, verified.Summary);
            foreach (var index in Enumerable.Range(0, 3))
            {
                var withHead = await new AuditVerifier(store, signer, Path.Combine(folder, $"replica-{index}", "audit.head")).VerifyAsync(cancel);
                Assert.True(withHead.IsIntact, $"replica {index}'s head file: {withHead.Summary}");
            }

            var recorded = await CountByOperationNameAsync(store);
            Assert.Empty(run.Acknowledged.Where(n => !recorded.ContainsKey(n)).ToList());
            Assert.Empty(recorded.Where(r => r.Value > 1).Select(r => $"{r.Key} x{r.Value}"));
            output.WriteLine($"{verified.Summary} Run time {watch.Elapsed.TotalSeconds:F1} s.");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                if (replica is not null)
                {
                    await replica.DisposeAsync();
                }
            }

            SqliteConnection.ClearAllPools();
            RunTempFolder.DeleteTree(folder);
        }
    }

    /// <summary>
    /// Requests of one user spread over the three replicas are counted in one budget: Redis holds exactly their number.
    /// </summary>
    private static async Task CountedAcrossReplicasAsync(RoundRobin balancer, byte[] identityKey, RestartableRedis redis)
    {
        using var client = new HttpClient { BaseAddress = balancer.Url };
        var token = Token(identityKey, "team_manager", CountedUser);
        for (var i = 0; i < CountedRequests; i++)
        {
            using var request = GraphQLRequest(token, "query Counted { __typename }", null);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServers()[0];
        var database = connection.GetDatabase();
        long counted = 0;
        await foreach (var key in server.KeysAsync(pattern: $"childinfo:rate:*{CountedUser}*"))
        {
            counted += (long)await database.StringGetAsync(key);
        }

        Assert.Equal(CountedRequests, counted);
    }

    private static async Task<int> RegisterAsync(Uri balancer, byte[] identityKey, string name, string url, string classifications)
    {
        using var client = new HttpClient { BaseAddress = balancer };
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/subgraphs") { Content = JsonContent.Create(new { name, url, classifications }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(identityKey, "system_owner", "owner.replicas"));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>
    /// Each replica's own account of following <paramref name="revision"/>: how long planning ahead and the whole follow
    /// took. The two replicas that did not make the change each log their follow (the log is written just after the
    /// swap, so it is waited for, bounded).
    /// </summary>
    private async Task WriteFollowLinesAsync(IReadOnlyList<GatewayProcess?> replicas, long revision)
    {
        var watch = Stopwatch.StartNew();
        while (replicas.Count(r => r!.Log.Contains($"Followed the registry to revision {revision} (", StringComparison.Ordinal)) < 2)
        {
            Assert.True(watch.Elapsed < ProgressDeadline, $"fewer than two replicas logged following revision {revision}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        for (var index = 0; index < replicas.Count; index++)
        {
            foreach (var line in replicas[index]!.Log.Split(Environment.NewLine).Where(l =>
                l.Contains($"for revision {revision} before serving", StringComparison.Ordinal) || l.Contains($"to revision {revision} (", StringComparison.Ordinal)))
            {
                output.WriteLine($"  replica {index}: {line.Trim()}");
            }
        }
    }

    /// <summary>Waits until every replica serves <paramref name="revision"/> with one supergraph; returns how long that took.</summary>
    private static async Task<TimeSpan> ConvergedAsync(IReadOnlyList<GatewayProcess?> replicas, long revision)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var health = await Task.WhenAll(replicas.Select(r => HealthAsync(r!)));
            if (health.All(h => h.Revision == revision) && health.Select(h => h.Supergraph).Distinct().Count() == 1)
            {
                return watch.Elapsed;
            }

            Assert.True(watch.Elapsed < ProgressDeadline, $"the replicas did not converge on revision {revision}: {string.Join(", ", health.Select(h => h.Revision))}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until every replica's readiness says its registry store answers (Redis is back for it).</summary>
    private static async Task RegistryStoreAnswersAsync(IReadOnlyList<GatewayProcess?> replicas)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        foreach (var replica in replicas)
        {
            while (true)
            {
                using var response = await client.GetAsync(new Uri(replica!.BaseUrl, "health/ready"), TestContext.Current.CancellationToken);
                using var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                if (ready.RootElement.GetProperty("checks").GetProperty("registry").GetProperty("status").GetString() == "Healthy")
                {
                    break;
                }

                Assert.True(watch.Elapsed < ProgressDeadline, $"replica {replica.BaseUrl} cannot read its registry: {ready.RootElement}");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    private static async Task<(long Revision, string Supergraph)> HealthAsync(GatewayProcess replica)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri(replica.BaseUrl, "health"), TestContext.Current.CancellationToken));
        return (health.RootElement.GetProperty("revision").GetInt64(), health.RootElement.GetProperty("supergraph").GetString()!);
    }

    private static string Token(byte[] key, string role, string user) =>
        DevelopmentIdentity.CreateToken(key, new DevelopmentTokenRequest(role, user)
        {
            Organisation = "Northshire Children's Services",
            NotBefore = DateTimeOffset.UtcNow.AddMinutes(-1),
            Lifetime = TimeSpan.FromMinutes(30),
        }, DateTimeOffset.UtcNow);

    private static HttpRequestMessage GraphQLRequest(string token, string query, object? variables)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", "replica test");
        return request;
    }

    /// <summary>Children of the sample child index, those linked to the most agencies first.</summary>
    private List<string> ChildIds()
    {
        using var connection = new SqliteConnection(environment.ChildIndexConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id ORDER BY COUNT(DISTINCT source_system) DESC, child_id LIMIT 16";
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        Assert.NotEmpty(ids);
        return ids;
    }

    private static async Task<Dictionary<string, int>> CountByOperationNameAsync(IAuditStore store)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await store.ReadAsync(after, 1000);
            if (page.Count == 0)
            {
                return counts;
            }

            foreach (var record in page)
            {
                if (record.OperationText is { } text && LoadName().Match(text) is { Success: true } match)
                {
                    counts[match.Groups["name"].Value] = counts.GetValueOrDefault(match.Groups["name"].Value) + 1;
                }
            }

            after = page[^1].Sequence;
        }
    }

    [GeneratedRegex(@"^query (?<name>L_\d+_\d+)\b")]
    private static partial Regex LoadName();

    /// <summary>
    /// <see cref="Clients"/> clients sending the joined-up child query through the balancer, each request under a
    /// unique operation name (kept in its audit record's operation text), until stopped.
    /// </summary>
    private sealed class Load : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _acknowledged = new();
        private readonly ConcurrentQueue<string> _failed = new();
        private readonly ConcurrentQueue<string> _notOk = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _client;
        private Task[] _workers = [];

        private Load(Uri balancer) => _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(60) };

        public static Load Start(Uri balancer, string token, IReadOnlyList<string> children)
        {
            var load = new Load(balancer);
            load._workers = [.. Enumerable.Range(0, Clients).Select(c => Task.Run(() => load.ClientAsync(c, token, children)))];
            return load;
        }

        /// <summary>Waits (bounded) until <paramref name="more"/> further requests were answered: progress, not time, moves the test on.</summary>
        public async Task UntilAcknowledgedAsync(int more)
        {
            var target = _acknowledged.Count + more;
            var watch = Stopwatch.StartNew();
            while (_acknowledged.Count < target)
            {
                Assert.True(watch.Elapsed < ProgressDeadline, $"the load made no progress within {ProgressDeadline.TotalSeconds:0} s: {_acknowledged.Count} answered, {_failed.Count} failed, not OK: {_notOk.FirstOrDefault()}");
                Assert.True(_notOk.IsEmpty, $"a request was answered other than 200 with the child: {_notOk.FirstOrDefault()}");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }

        public async Task<LoadRun> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_workers);
            return new LoadRun([.. _acknowledged], [.. _failed], [.. _notOk]);
        }

        private async Task ClientAsync(int client, string token, IReadOnlyList<string> children)
        {
            var query = JoinedUpChildTests.JoinedUpQuery["query".Length..];
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                var name = $"L_{client}_{n}";
                var child = children[(client + n) % children.Count];
                using var request = GraphQLRequest(token, "query " + name + query, new { id = child });
                try
                {
                    using var response = await _client.SendAsync(request, CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode == System.Net.HttpStatusCode.BadGateway)
                    {
                        _failed.Enqueue(name);
                        continue;
                    }

                    using var document = JsonDocument.Parse(body);
                    if (response.IsSuccessStatusCode && !document.RootElement.TryGetProperty("errors", out _)
                        && document.RootElement.GetProperty("data").GetProperty("child") is { ValueKind: JsonValueKind.Object } answered
                        && answered.GetProperty("id").GetString() == child)
                    {
                        _acknowledged.Enqueue(name);
                    }
                    else
                    {
                        _notOk.Enqueue($"{name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 600)]}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or System.Net.Sockets.SocketException or JsonException or KeyNotFoundException)
                {
                    _notOk.Enqueue($"{name}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }

            _stop.Dispose();
            _client.Dispose();
        }
    }

    private sealed record LoadRun(IReadOnlyList<string> Acknowledged, IReadOnlyList<string> Failed, IReadOnlyList<string> NotOk);
}
