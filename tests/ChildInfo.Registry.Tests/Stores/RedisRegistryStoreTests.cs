using ChildInfo.Registry.Tests.Kit;
using ChildInfo.Testing;
using StackExchange.Redis;

namespace ChildInfo.Registry.Tests.Stores;

/// <summary>The store contract on a real Redis, and what only a shared store does: followers hear about other replicas' writes.</summary>
public sealed class RedisRegistryStoreTests : RegistryStoreContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _prefix = RedisKit.UniquePrefix("registry");

    protected override async Task<IRegistryStore> OpenStoreAsync() =>
        await RedisRegistryStore.ConnectAsync(await RealServers.RedisAsync(), _prefix, Ct);

    [Fact]
    public async Task WriteOnOneReplica_RaisesChangedOnAnother()
    {
        var writer = await OpenAsync();
        var follower = await OpenAsync();
        var heard = Listen(follower, RegistryChangeKind.Written, revision: 1);

        await writer.TryWriteAsync(0, Entries.Of("education"), Ct);

        Assert.Equal(new RegistryChanged(1, RegistryChangeKind.Written), await heard.WaitAsync(Patience, Ct));
        Assert.Equal(["education"], (await follower.ReadAsync(Ct)).Subgraphs.Select(s => s.Name));
    }

    [Fact]
    public async Task ConnectionKilled_RaisesReconnected_AndLaterWritesStillArrive()
    {
        var name = $"follower-{Guid.NewGuid():N}";
        var follower = await OpenNamedAsync(name);
        var writer = await OpenAsync();
        await writer.TryWriteAsync(0, Entries.Of("education"), Ct);
        var reconnected = Listen(follower, RegistryChangeKind.Reconnected);

        Assert.True(await RedisKit.KillClientsAsync(name) > 0, "the follower's connections should have been found by name");

        await reconnected.WaitAsync(Patience, Ct);
        var heard = Listen(follower, RegistryChangeKind.Written, revision: 2);
        await writer.TryWriteAsync(1, Entries.Of("education", "social-care"), Ct);
        Assert.Equal(new RegistryChanged(2, RegistryChangeKind.Written), await heard.WaitAsync(Patience, Ct));
        Assert.Equal(2, (await follower.ReadAsync(Ct)).Revision);
    }

    [Fact]
    public async Task ReadAsync_ValueThatIsNotARegistry_ThrowsNamingTheKey_AndWritesDoNotOverwriteIt()
    {
        await using var redis = await RedisKit.ConnectAsync();
        await redis.GetDatabase().StringSetAsync(_prefix + "registry", "not json at all");
        var store = await OpenAsync();

        var read = await Assert.ThrowsAsync<RegistryStoreException>(() => store.ReadAsync(Ct));
        var write = await Assert.ThrowsAsync<RegistryStoreException>(() => store.TryWriteAsync(0, Entries.Of("education"), Ct));

        Assert.Contains(_prefix + "registry", read.Message);
        Assert.Contains("not a valid subgraph registry", read.Message);
        Assert.Contains("not a registry document", write.Message);
        Assert.Equal("not json at all", (string?)await redis.GetDatabase().StringGetAsync(_prefix + "registry"));
    }

    [Fact]
    public async Task ConnectAsync_NobodyListening_SaysItCannotReachRedis()
    {
        var error = await Assert.ThrowsAsync<RegistryStoreException>(() =>
            RedisRegistryStore.ConnectAsync("127.0.0.1:1,connectTimeout=500,connectRetry=1", _prefix, Ct));

        Assert.Contains("Cannot reach Redis at 127.0.0.1:1", error.Message);
    }

    [Fact]
    public async Task CreateAsync_OnACallersConnection_LeavesTheConnectionOpen()
    {
        await using var redis = await RedisKit.ConnectAsync();
        var store = await RedisRegistryStore.CreateAsync(redis, _prefix, Ct);
        await store.TryWriteAsync(0, Entries.Of("education"), Ct);

        await store.DisposeAsync();

        Assert.True(redis.IsConnected);
        Assert.False((await redis.GetDatabase().StringGetAsync(_prefix + "registry")).IsNull);
    }

    [Fact]
    public async Task Description_NamesTheServerAndKey()
    {
        var store = await OpenAsync();

        Assert.Equal($"redis {await RealServers.RedisAsync()} (key {_prefix}registry)", store.Description);
    }

    private async Task<IRegistryStore> OpenNamedAsync(string clientName)
    {
        var options = ConfigurationOptions.Parse(await RealServers.RedisAsync());
        options.ClientName = clientName;
        return Track(await RedisRegistryStore.ConnectAsync(options.ToString(), _prefix, Ct));
    }

    private static Task<RegistryChanged> Listen(IRegistryStore store, RegistryChangeKind kind, long? revision = null)
    {
        var heard = new TaskCompletionSource<RegistryChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Changed += (_, e) =>
        {
            if (e.Kind == kind && (revision is null || e.Revision == revision))
            {
                heard.TrySetResult(e);
            }
        };
        return heard.Task;
    }
}
