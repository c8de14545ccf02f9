using BenchmarkDotNet.Attributes;
using ChildInfo.Audit;
using ChildInfo.Audit.Records;
using ChildInfo.Audit.Storage;

namespace ChildInfo.Benchmarks;

/// <summary>
/// What one audit record costs to make durable with the embedded store (SQLite, WAL, <c>synchronous=FULL</c>, a head
/// file): appended alone, as at one connection, where the caller commits it on its own thread and waits for the sync;
/// and 16 at once from pool threads, where the first commits alone and the rest queue behind it for the writer's
/// group commit, per record. The
/// file is on the disk the benchmark runs from (a sync on tmpfs costs nothing); set
/// <c>CHILDINFO_BENCH_AUDIT_DIR</c> to measure another.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks : IAsyncDisposable
{
    private const int Together = 16;
    private string _folder = null!;
    private AuditLog _log = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var parent = Environment.GetEnvironmentVariable("CHILDINFO_BENCH_AUDIT_DIR") is { Length: > 0 } configured ? configured : AppContext.BaseDirectory;
        _folder = Directory.CreateDirectory(Path.Combine(parent, $"audit-bench-{Guid.NewGuid():N}")).FullName;
        var store = new SqliteAuditStore(Path.Combine(_folder, "audit.db"));
        store.EnsureCreatedAsync().GetAwaiter().GetResult();
        _log = new AuditLog(store, new AuditOptions
        {
            CheckpointKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)],
            CheckpointKeyId = "bench",
            CheckpointInterval = 1000,
            HeadFile = Path.Combine(_folder, "audit.head"),
        }, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _log.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "one record appended alone, synced")]
    public async Task<long> Alone() => (await _log.AppendAsync(Entry()).ConfigureAwait(false)).Sequence;

    [Benchmark(OperationsPerInvoke = Together, Description = "16 records appended at once, per record")]
    public async Task<long> Together16()
    {
        var appends = new Task<AuditRecord>[Together];
        for (var i = 0; i < Together; i++)
        {
            // From pool threads, as requests append: one thread appending in a loop would find the log idle each
            // time and commit each record alone.
            appends[i] = Task.Run(() => _log.AppendAsync(Entry()));
        }

        return (await Task.WhenAll(appends).ConfigureAwait(false))[^1].Sequence;
    }

    /// <summary>A practitioner's joined-up view of one child, as the gateway records it.</summary>
    private AuditEntry Entry() => new()
    {
        RequestId = $"bench-{Interlocked.Increment(ref _next)}",
        User = "j.smith",
        Role = "social_worker",
        Organisation = "Northshire Children's Services",
        Purpose = "child_protection",
        Justification = "S47 enquiry, case 1234",
        OperationText = "query Child($id: ID!) { child(id: $id) { forename surname pupil { attendance { percent } } } }",
        Children =
        [
            new ChildDisclosure("C-0001",
                [new DisclosedField("Child.forename", "identifying", "child_index"), new DisclosedField("Pupil.attendance", "attendance", "education")],
                []),
        ],
        Outcome = AuditOutcome.Ok,
    };
}
