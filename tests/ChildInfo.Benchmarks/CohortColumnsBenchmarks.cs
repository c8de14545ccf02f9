using BenchmarkDotNet.Attributes;
using ChildInfo.Subgraphs.ChildIndex.Cohort;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ChildInfo.Benchmarks;

/// <summary>
/// Why the child index answers links as columns (<see cref="CohortLinks"/>): GraphQL.NET executing and writing
/// <see cref="Keys"/> links in the shape of the <c>CohortLinks</c> type the child index serves (two lists of ids),
/// against the same links as a list of two-field objects (the shape it answered before), each to a stream as a
/// subgraph's endpoint writes it. The types are declared here without the federation directives the subgraph's own
/// schema registers.
/// </summary>
[MemoryDiagnoser]
public class CohortColumnsBenchmarks
{
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();
    private ISchema _schema = null!;

    [Params(100_000, 1_000_000)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var localIds = Enumerable.Range(0, Keys).Select(i => $"A{i:D12}").ToList();
        var childIds = Enumerable.Range(0, Keys).Select(i => $"CH-{i:X8}").ToList();
        var links = new CohortLinks(localIds, childIds);
        var pairs = localIds.Zip(childIds, (local, child) => new Pair(local, child)).ToList();
        var pair = new ObjectGraphType<Pair> { Name = "CohortLink" };
        pair.Field<NonNullGraphType<IdGraphType>>("localId").Resolve(c => c.Source.LocalId);
        pair.Field<NonNullGraphType<IdGraphType>>("childId").Resolve(c => c.Source.ChildId);
        var columns = new ObjectGraphType<CohortLinks> { Name = "CohortLinks" };
        columns.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("localIds").Resolve(c => c.Source.LocalIds);
        columns.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("childIds").Resolve(c => c.Source.ChildIds);
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("columns", new NonNullGraphType(columns)).Resolve(_ => links);
        query.Field("objects", new NonNullGraphType(new ListGraphType(new NonNullGraphType(pair)))).Resolve(_ => pairs);
        _schema = new Schema { Query = query };
        _schema.Initialize();
    }

    [Benchmark(Baseline = true)]
    public Task<long> ListOfObjects() => RunAsync("{ objects { localId childId } }");

    [Benchmark]
    public Task<long> Columns() => RunAsync("{ columns { localIds childIds } }");

    private async Task<long> RunAsync(string query)
    {
        var result = await _executer.ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = query;
        }).ConfigureAwait(false);
        await using var stream = new CountingStream();
        await _serializer.WriteAsync(stream, result).ConfigureAwait(false);
        return stream.Length;
    }

    private sealed record Pair(string LocalId, string ChildId);

    /// <summary>Counts what is written, as a response stream would take it, without keeping it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
