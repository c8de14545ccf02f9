using System.Collections.Concurrent;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Registry;
using ChildInfo.Testing;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// Replicas share the registry through a real Redis and converge on the same revision; a swap under load drops no
/// request and never serves a response from a mixture of revisions.
/// </summary>
public sealed class ReplicaTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>
{
    private const int Clients = 50;

    [Fact]
    public async Task TwoReplicas_ConvergeThroughRedis_AfterARegistration()
    {
        var redis = await RealServers.RedisAsync();
        var prefix = $"childinfo-test-{Guid.NewGuid():N}:";
        await using var storeA = await RedisRegistryStore.ConnectAsync(redis, prefix, TestContext.Current.CancellationToken);
        await using var storeB = await RedisRegistryStore.ConnectAsync(redis, prefix, TestContext.Current.CancellationToken);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var a = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, storeA, key);
        await using var b = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, storeB, key);
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        const string inUse = "query InUse { child(id: \"CH-NOT-THERE\") { id } }";
        Assert.Equal(200, (await b.QueryAsync(inUse)).Status);

        var (status, _) = await a.AddAsync("registry-probe", probe.Url);
        await Progress.UntilAsync(() => b.State.Current.Number == 1);
        var revision = b.State.Current;

        Assert.Equal(200, status);
        Assert.Equal(1, revision.Number);
        // B planned what it was serving in the revision it followed to, before swapping it in.
        Assert.Contains(revision.Gateway.RecentOperations(10), o => o.Text == inUse && o.ConditionKeys.Count > 0);
        Assert.Equal(a.State.Current.SupergraphHash, revision.SupergraphHash);
        var (_, result, served) = await b.QueryAsync("{ registryProbe { version } }");
        Assert.Equal(1, served);
        Assert.Equal("v1", result.GetProperty("data").GetProperty("registryProbe").GetProperty("version").GetString());
    }

    [Fact]
    public async Task SwapUnderLoad_FiftyClients_NoRequestDropped_NoMixedRevision()
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-registry-load-").FullName;
        await using var store = new FileRegistryStore(Path.Combine(folder, "registry.json"));
        await using var gateway = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, store);
        await using var v1 = await ProbeSubgraph.StartAsync("v1");
        await using var v2 = await ProbeSubgraph.StartAsync("v2");
        await using var other = await ProbeSubgraph.StartAsync("other", ProbeSubgraph.SdlWith("version: String!", rootField: "otherProbe").Replace("RegistryProbe", "OtherProbe", StringComparison.Ordinal));
        Assert.Equal(200, (await gateway.AddAsync("registry-probe", v1.Url)).Status);
        var versionByRevision = new ConcurrentDictionary<long, ConcurrentBag<string>>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var requests = 0;

        async Task ClientAsync()
        {
            using var client = new HttpClient { BaseAddress = gateway.BaseUrl };
            while (!stop.IsCancellationRequested)
            {
                var (status, body, revision) = await gateway.QueryAsync("{ registryProbe { version } }", client);
                Interlocked.Increment(ref requests);
                if (status != 200 || body.TryGetProperty("errors", out _))
                {
                    failures.Add($"{status} at revision {revision}: {body}");
                    continue;
                }

                versionByRevision.GetOrAdd(revision, _ => []).Add(body.GetProperty("data").GetProperty("registryProbe").GetProperty("version").GetString()!);
            }
        }

        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToArray();
        await Progress.UntilAsync(() => Volatile.Read(ref requests) >= 200);
        var (moved, _) = await gateway.AdminAsync(HttpMethod.Put, "admin/subgraphs/registry-probe", new { url = v2.Url });
        var atSwap = Volatile.Read(ref requests);
        await Progress.UntilAsync(() => Volatile.Read(ref requests) >= atSwap + 200);
        var otherClassifications = "classifications:\n  Query.otherProbe: [reference]\n  OtherProbe.version: [reference]\n";
        var (added, _) = await gateway.AddAsync("other-probe", other.Url, otherClassifications);
        var atAdd = Volatile.Read(ref requests);
        await Progress.UntilAsync(() => Volatile.Read(ref requests) >= atAdd + 200);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Equal(200, moved);
        Assert.Equal(200, added);
        Assert.Empty(failures);
        Assert.Equal(["v1"], versionByRevision[1].Distinct());
        Assert.Equal(["v2"], versionByRevision[2].Distinct());
        Assert.Equal(["v2"], versionByRevision[3].Distinct());
        Assert.Equal([1L, 2L, 3L], versionByRevision.Keys.Order());
        Directory.Delete(folder, recursive: true);
    }
}
