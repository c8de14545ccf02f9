using BenchmarkDotNet.Attributes;
using ChildInfo.Federation.Composition;
using GraphQLParser;

namespace ChildInfo.Benchmarks;

/// <summary>
/// Composing the five sample subgraphs warm (their SDLs as the composition corpus stores them), target under 50 ms.
/// Baseline: parsing the five SDLs, the floor any composition pays.
/// </summary>
[MemoryDiagnoser]
public class CompositionBenchmarks
{
    private static readonly string[] Names = ["child-index", "education", "early-years", "social-care", "voluntary-sector"];
    private List<SubgraphSdl> _subgraphs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChildInfo.Gateway.sln")))
        {
            directory = directory.Parent;
        }

        var sdls = Path.Combine(directory!.FullName, "tests", "ChildInfo.Composition.Tests", "Corpus", "demo-five-subgraphs", "subgraphs");
        _subgraphs = Names.Select((n, i) => new SubgraphSdl(n, $"http://127.0.0.1:{4001 + i}/graphql", File.ReadAllText(Path.Combine(sdls, n + ".graphql")))).ToList();
    }

    [Benchmark(Baseline = true)]
    public int ParseFiveSdls() => _subgraphs.Sum(s => Parser.Parse(s.Sdl).Definitions.Count);

    [Benchmark]
    public int ComposeFiveSubgraphs() => SupergraphComposer.Compose(_subgraphs).Supergraph!.Length;
}
