using ChildInfo.Gateway.Cli;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary><c>childinfo subgraph</c> against a running gateway: what a system owner types and reads.</summary>
public sealed class SubgraphCommandTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-subgraph-cli-").FullName;
    private FileRegistryStore _store = null!;
    private RegistryGateway _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        _gateway = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, _store);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AddThenList_PrintsTheDiffAndTheRegisteredSubgraph()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        var file = Path.Combine(_folder, "probe.yaml");
        await File.WriteAllTextAsync(file, ProbeSubgraph.Classifications, TestContext.Current.CancellationToken);
        var token = _gateway.Token("system_owner", "owner-cli");

        var (addExit, addOutput, _) = await RunAsync("add", "registry-probe", "--url", probe.Url, "--classifications", file, "--gateway", _gateway.BaseUrl.ToString(), "--token", token);
        var (listExit, listOutput, _) = await RunAsync("list", "--gateway", _gateway.BaseUrl.ToString(), "--token", token);
        var (againExit, againOutput, againError) = await RunAsync("add", "registry-probe", "--url", probe.Url, "--classifications", file, "--gateway", _gateway.BaseUrl.ToString(), "--token", token);

        Assert.Equal(0, addExit);
        Assert.Contains("Registered 'registry-probe'", addOutput, StringComparison.Ordinal);
        Assert.Contains("+ SAFE", addOutput, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("registry-probe", listOutput, StringComparison.Ordinal);
        Assert.Contains("registered", listOutput, StringComparison.Ordinal);
        Assert.Equal(1, againExit);
        Assert.Contains("already served", againOutput + againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutClassifications_IsACommandLineError()
    {
        var (exit, _, error) = await RunAsync("add", "registry-probe", "--url", "http://127.0.0.1:1/graphql", "--token", "x");

        Assert.Equal(2, exit);
        Assert.Contains("--classifications", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_OutsideDevelopmentWithoutToken_IsRefused()
    {
        var (exit, _, error) = await RunAsync("list", "--gateway", _gateway.BaseUrl.ToString());

        Assert.Equal(2, exit);
        Assert.Contains("--token", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit;
        try
        {
            exit = await SubgraphCommand.RunAsync(args, output, error, "Production", null, TestContext.Current.CancellationToken);
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync(ex.Message);
            exit = 2;
        }

        return (exit, output.ToString(), error.ToString());
    }
}
