using ChildInfo.Federation.Composition;

namespace ChildInfo.Composition.Tests;

/// <summary>The five sample subgraphs (their SDLs stored in the corpus case demo-five-subgraphs) compose to the demo's stored supergraph.</summary>
public sealed class DemoSupergraphTests
{
    private static readonly (string Name, int Port)[] Demo =
        [("child-index", 4001), ("education", 4002), ("early-years", 4003), ("social-care", 4004), ("voluntary-sector", 4005)];

    [Fact]
    public void Compose_FiveSampleSubgraphs_EqualsStoredDemoSupergraph()
    {
        var directory = Path.Combine(CorpusCase.Root, "demo-five-subgraphs", "subgraphs");
        var subgraphs = Demo.Select(d => new SubgraphSdl(d.Name, $"http://127.0.0.1:{d.Port}/graphql", File.ReadAllText(Path.Combine(directory, d.Name + ".graphql")))).ToList();

        var result = SupergraphComposer.Compose(subgraphs);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        CorpusTests.AssertSameFacts(File.ReadAllText(StoredDemoSupergraph()), result.Supergraph!);
    }

    private static string StoredDemoSupergraph()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChildInfo.Gateway.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "gateway", "ChildInfo.Gateway.Demo", "supergraph.graphql");
    }
}
