using ChildInfo.Registry.Tests.Kit;

namespace ChildInfo.Registry.Tests.Stores;

/// <summary>
/// What every registry store must do, run against each real store through a one-line subclass per store. Each test
/// gets its own location (a file, a key prefix); <see cref="OpenAsync"/> opens another instance on that location, as a
/// restarted gateway or a second replica would.
/// </summary>
public abstract class RegistryStoreContract : IAsyncDisposable
{
    private readonly List<IRegistryStore> _opened = [];

    /// <summary>A new store instance (its own connection, its own lock) on this test's location.</summary>
    protected abstract Task<IRegistryStore> OpenStoreAsync();

    protected async Task<IRegistryStore> OpenAsync() => Track(await OpenStoreAsync());

    /// <summary>Disposes <paramref name="store"/> when the test ends.</summary>
    protected T Track<T>(T store)
        where T : IRegistryStore
    {
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's location once its stores are closed.</summary>
    protected virtual void CleanUp()
    {
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_NothingWritten_IsEmpty()
    {
        var store = await OpenAsync();

        var snapshot = await store.ReadAsync(Ct);

        Assert.Equal(0, snapshot.Revision);
        Assert.Empty(snapshot.Subgraphs);
    }

    [Fact]
    public async Task TryWriteAsync_ThenRead_RoundTripsEveryField()
    {
        var store = await OpenAsync();
        var entry = SubgraphEntry.Create("education", "https://education.la.gov.uk/graphql", "type Query { \"quoted\" pupil: String }\n",
            "fields:\n  Pupil.name: { category: identifying }\n", Entries.Now, "owner@la.gov.uk");
        var other = Entries.Subgraph("early-years");

        var written = await store.TryWriteAsync(0, [entry, other], Ct);
        var read = await store.ReadAsync(Ct);

        Assert.NotNull(written);
        Assert.Equal(1, written.Revision);
        Assert.Equal(1, read.Revision);
        Assert.Equal(["early-years", "education"], read.Subgraphs.Select(s => s.Name));
        Assert.Equal(entry, read.Find("education"));
        Assert.Equal(other, read.Find("early-years"));
        Assert.Equal(written.Subgraphs, read.Subgraphs);
    }

    [Fact]
    public async Task TryWriteAsync_StaleRevision_ReturnsNullAndKeepsTheStoredRegistry()
    {
        var store = await OpenAsync();
        await store.TryWriteAsync(0, Entries.Of("education"), Ct);
        await store.TryWriteAsync(1, Entries.Of("education", "social-care"), Ct);

        var stale = await store.TryWriteAsync(1, Entries.Of("voluntary-sector"), Ct);
        var fromNothing = await store.TryWriteAsync(0, [], Ct);
        var ahead = await store.TryWriteAsync(7, [], Ct);
        var read = await store.ReadAsync(Ct);

        Assert.Null(stale);
        Assert.Null(fromNothing);
        Assert.Null(ahead);
        Assert.Equal(2, read.Revision);
        Assert.Equal(["education", "social-care"], read.Subgraphs.Select(s => s.Name));
    }

    [Fact]
    public async Task TryWriteAsync_DuplicateNames_AreRefusedBeforeWriting()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryWriteAsync(0, [Entries.Subgraph("education"), Entries.Subgraph("education")], Ct));

        Assert.Equal(0, (await store.ReadAsync(Ct)).Revision);
    }

    [Fact]
    public async Task NewInstance_AfterRestart_ReadsWhatWasWritten()
    {
        var first = await OpenAsync();
        await first.TryWriteAsync(0, Entries.Of("education"), Ct);
        var written = await first.TryWriteAsync(1, Entries.Of("education", "social-care"), Ct);
        await first.DisposeAsync();

        var restarted = await OpenAsync();
        var read = await restarted.ReadAsync(Ct);

        Assert.Equal(2, read.Revision);
        Assert.Equal(written!.Subgraphs, read.Subgraphs);
        Assert.NotNull(await restarted.TryWriteAsync(2, [], Ct));
    }

    [Fact]
    public async Task TwoInstances_Racing20WritesEach_EndLinearWithNothingLost()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();
        var conflicts = 0;

        async Task WriterAsync(IRegistryStore store, string name)
        {
            for (var i = 1; i <= 20; i++)
            {
                var entry = Entries.Subgraph($"{name}-{i}");
                while (true)
                {
                    var current = await store.ReadAsync(Ct);
                    if (await store.TryWriteAsync(current.Revision, current.With(entry), Ct) is not null)
                    {
                        break;
                    }

                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Task.Run(() => WriterAsync(a, "a"), Ct), Task.Run(() => WriterAsync(b, "b"), Ct));
        var final = await (await OpenAsync()).ReadAsync(Ct);

        Assert.Equal(40, final.Revision);
        Assert.Equal(40, final.Subgraphs.Length);
        for (var i = 1; i <= 20; i++)
        {
            Assert.NotNull(final.Find($"a-{i}"));
            Assert.NotNull(final.Find($"b-{i}"));
        }
        TestContext.Current.SendDiagnosticMessage($"{conflicts} conflicts retried");
    }

    [Fact]
    public async Task TryWriteAsync_RaisesChangedWithTheNewRevision()
    {
        var store = await OpenAsync();
        var changed = new TaskCompletionSource<RegistryChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Changed += (_, e) =>
        {
            if (e.Kind == RegistryChangeKind.Written && e.Revision == 2)
            {
                changed.TrySetResult(e);
            }
        };
        await store.TryWriteAsync(0, Entries.Of("education"), Ct);

        await store.TryWriteAsync(1, Entries.Of("education", "social-care"), Ct);

        var notice = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(new RegistryChanged(2, RegistryChangeKind.Written), notice);
    }

    [Fact]
    public async Task Changed_HandlerThatThrows_DoesNotFailTheWrite()
    {
        var store = await OpenAsync();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Changed += (_, _) => throw new InvalidOperationException("faulty follower");
        store.Changed += (_, _) => reached.TrySetResult();

        var written = await store.TryWriteAsync(0, Entries.Of("education"), Ct);

        Assert.NotNull(written);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(1, (await store.ReadAsync(Ct)).Revision);
    }

    [Fact]
    public async Task Description_NamesWhereTheRegistryIs()
    {
        var store = await OpenAsync();

        Assert.False(string.IsNullOrWhiteSpace(store.Description));
        Assert.Matches("^(file|redis) ", store.Description);
    }
}
