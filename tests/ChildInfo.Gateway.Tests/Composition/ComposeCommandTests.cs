using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Subgraphs.VoluntarySector;
using ChildInfo.Testing;

namespace ChildInfo.Gateway.Tests.Composition;

/// <summary><c>childinfo compose</c> over files and a real subgraph: the supergraph, the errors, and a wrong command line.</summary>
public sealed class ComposeCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("childinfo-compose-");

    private static string Corpus(string @case, string subgraph) =>
        Path.Combine(RepositoryPaths.Root, "tests", "ChildInfo.Composition.Tests", "Corpus", @case, "subgraphs", subgraph + ".graphql");

    [Fact]
    public async Task Compose_TwoFiles_PrintsSupergraphThatLoads()
    {
        var (code, output, error) = await RunAsync("compose", "--subgraph", "accounts=" + Corpus("entity-basic", "accounts"), "--subgraph", "reviews=" + Corpus("entity-basic", "reviews"));

        Assert.True(code == 0, error);
        var supergraph = SupergraphLoader.Load(output);
        Assert.Equal(["accounts", "reviews"], supergraph.Subgraphs.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Compose_WithOut_WritesFile()
    {
        var file = Path.Combine(_directory.FullName, "supergraph.graphql");

        var (code, output, _) = await RunAsync("compose", "--subgraph=accounts=" + Corpus("entity-basic", "accounts"), "--subgraph", "reviews=" + Corpus("entity-basic", "reviews"), "--out", file);

        Assert.Equal(0, code);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.Contains("join__Graph", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_SubgraphsThatDoNotCompose_PrintsCodeSubgraphCoordinateAndExits1()
    {
        var (code, output, error) = await RunAsync("compose", "--subgraph", "a=" + Corpus("error-key-invalid-fields", "a"));

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("KEY_INVALID_FIELDS [a] Child: ", error, StringComparison.Ordinal);
        Assert.Contains("Cannot query field \"uuid\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compose")]
    [InlineData("compose --subgraph")]
    [InlineData("compose --subgraph nameonly")]
    [InlineData("compose --subgraph a=/no/such/file.graphql")]
    [InlineData("compose --subgraph a=http://x/graphql --colour red")]
    public async Task Compose_BadArguments_Exits2WithMessage(string commandLine)
    {
        var (code, _, error) = await RunAsync(commandLine.Split(' '));

        Assert.Equal(2, code);
        Assert.StartsWith("childinfo: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_RunningSubgraphUrlAndFile_FetchesServiceSdl()
    {
        await using var host = await SubgraphTestHost.StartAsync(new VoluntarySectorSubgraph(), SubgraphTestHost.TempSqlite("compose-vs"));
        var demo = Path.Combine(RepositoryPaths.Root, "tests", "ChildInfo.Composition.Tests", "Corpus", "demo-five-subgraphs", "subgraphs", "child-index.graphql");

        var (code, output, error) = await RunAsync("compose", "--subgraph", "child-index=" + demo, "--subgraph", "voluntary-sector=" + host.GraphQLUrl);

        Assert.True(code == 0, error);
        var supergraph = SupergraphLoader.Load(output);
        Assert.Contains(supergraph.Subgraphs, s => s.Name == "voluntary-sector" && s.Url == host.GraphQLUrl.ToString());
    }

    [Fact]
    public async Task Compose_UrlNotAnswering_Exits1NamingUrl()
    {
        var (code, _, error) = await RunAsync("compose", "--subgraph", "a=http://127.0.0.1:9/graphql");

        Assert.Equal(1, code);
        Assert.Contains("http://127.0.0.1:9/graphql", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
