using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Composition;

/// <summary>The demo composes its running subgraphs at start, to the same API and subgraphs as the stored reference supergraph.</summary>
public sealed class DemoCompositionTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task ComposeAsync_RunningSampleSubgraphs_MatchesStoredReference()
    {
        using var output = new StringWriter();

        var composed = SupergraphLoader.Load((await DemoSupergraph.ComposeAsync(environment.SubgraphUrls, output, TestContext.Current.CancellationToken)).Supergraph);

        var reference = SupergraphLoader.Load(DemoSupergraph.Load());
        Assert.Equal(reference.ApiSdl, composed.ApiSdl);
        Assert.Equal(reference.Subgraphs.Select(s => s.Name).Order(), composed.Subgraphs.Select(s => s.Name).Order());
        Assert.StartsWith("Composed the supergraph from 5 subgraphs", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_SubgraphNotAnswering_ThrowsNamingIt()
    {
        var urls = new Dictionary<string, string> { ["missing"] = "http://127.0.0.1:9/graphql" };

        var ex = await Assert.ThrowsAsync<SupergraphException>(() => DemoSupergraph.ComposeAsync(urls, TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Contains("http://127.0.0.1:9/graphql", ex.Message, StringComparison.Ordinal);
    }
}
