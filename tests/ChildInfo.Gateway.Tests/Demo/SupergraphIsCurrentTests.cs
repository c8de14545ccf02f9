using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>
/// The stored demo supergraph must be what Apollo's composition makes of the five sample subgraphs' current SDLs;
/// when a subgraph's schema changes, regenerate it with <c>tests/tools/composition/compose-demo.sh</c>.
/// </summary>
public sealed class SupergraphIsCurrentTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task StoredSupergraph_ComposedFromCurrentSubgraphs_Identical()
    {
        var sdlDirectory = Directory.CreateTempSubdirectory("childinfo-sdl-").FullName;
        try
        {
            foreach (var (name, url) in environment.SubgraphUrls)
            {
                var exchange = await HttpExchange.PostJsonAsync(environment.Client, new Uri(url), new { query = "{ _service { sdl } }" }, accept: "application/json");
                var sdl = exchange.Body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString();
                Assert.False(string.IsNullOrWhiteSpace(sdl), $"{name} returned no SDL");
                await File.WriteAllTextAsync(Path.Combine(sdlDirectory, name + ".graphql"), sdl);
            }

            var (exitCode, composed, error) = await NodeTool.RunAsync("composition", "@apollo/composition", "compose-demo.mjs", sdlDirectory);

            Assert.True(exitCode == 0, "The sample subgraphs no longer compose:\n" + error);
            Assert.True(
                string.Equals(Normalise(DemoSupergraph.Load()), Normalise(composed), StringComparison.Ordinal),
                "gateway/ChildInfo.Gateway.Demo/supergraph.graphql is stale: run tests/tools/composition/compose-demo.sh and commit the result.");
        }
        finally
        {
            Directory.Delete(sdlDirectory, recursive: true);
        }
    }

    [Fact]
    public void StoredSupergraph_NamesTheDemoPorts()
    {
        var supergraph = DemoSupergraph.Load();

        for (var port = 4001; port <= 4005; port++)
        {
            Assert.Contains($"url: \"http://127.0.0.1:{port}/graphql\"", supergraph, StringComparison.Ordinal);
        }
    }

    private static string Normalise(string sdl) => sdl.ReplaceLineEndings("\n").Trim();
}
