using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Demo;

namespace ChildInfo.Gateway.Tests.Cli;

/// <summary>
/// The childinfo command line, as the demo runs it (the production host's commands plus the demo's): clear messages
/// and a non-zero exit for a wrong command line.
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("serve", "--no-such-option")]
    [InlineData("serve", "--supergraph")]
    [InlineData("serve", "stray")]
    [InlineData("--urls", "http://127.0.0.1:1", "--urls", "http://127.0.0.1:2")]
    [InlineData("serve", "--supergraph", "a.graphql", "--children", "300")]
    [InlineData("serve", "--children", "12")]
    [InlineData("data")]
    [InlineData("data", "generate", "--children", "lots")]
    [InlineData("data", "generate", "--children", "5")]
    [InlineData("data", "generate", "--colour", "blue")]
    public async Task BadArguments_Exit2WithMessage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(args, output, error, DemoCommandLine.Extensions);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("childinfo: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("childinfo --help", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["--help"], output, error, DemoCommandLine.Extensions);

        Assert.Equal(0, exitCode);
        Assert.Contains("--supergraph FILE", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("data generate", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingSupergraphFile_Exit2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["serve", "--supergraph", "/no/such/supergraph.graphql"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NotASupergraph_Exit1WithReason()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "type Query { hello: String }");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            // A usable identity, so that the supergraph is what stops the start.
            string[] identity = ["--Identity:Issuer=urn:test", "--Identity:Audience=urn:test", "--Identity:SigningKeys:0=" + Convert.ToBase64String(new byte[32])];
            var exitCode = await CommandLine.RunAsync(["serve", "--supergraph", file, "--urls", "http://127.0.0.1:0", .. identity], output, error);

            Assert.Equal(1, exitCode);
            Assert.Contains("supergraph cannot be served", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DataGenerate_WritesOneDatabasePerAgency()
    {
        var directory = Directory.CreateTempSubdirectory("childinfo-cli-data-").FullName;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var exitCode = await CommandLine.RunAsync(["data", "generate", "--children", "100", "--seed", "3", "--out", directory], output, error, DemoCommandLine.Extensions);

            Assert.True(exitCode == 0, error.ToString());
            Assert.True(File.Exists(Path.Combine(directory, "child-index.db")));
            Assert.Contains("Done in", output.ToString(), StringComparison.Ordinal);

            using var again = new StringWriter();
            Assert.Equal(1, await CommandLine.RunAsync(["data", "generate", "--children", "100", "--out", directory], output, again, DemoCommandLine.Extensions));
            Assert.StartsWith("childinfo: ", again.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ProductionHost_ServeWithoutSupergraph_Exit2_PointingToTheDemo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--supergraph FILE", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("gateway/ChildInfo.Gateway.Demo", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionHost_HasNoDataGenerate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await CommandLine.RunAsync(["data", "generate", "--children", "100"], output, error));
        Assert.Contains("Unknown command 'data'", error.ToString(), StringComparison.Ordinal);
        using var help = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["--help"], help, error));
        Assert.DoesNotContain("data generate", help.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--supergraph FILE", "serve", "--help")]
    [InlineData("--children N", "serve", "-h")]
    [InlineData("--open", "serve", "--help")]
    [InlineData("--role ROLE", "token", "--help")]
    [InlineData("--subgraph NAME=URL_OR_FILE", "compose", "--help")]
    [InlineData("--repair", "audit", "verify", "--help")]
    [InlineData("--dry-run", "subgraph", "add", "--help")]
    [InlineData("--role R --purpose P", "policy", "explain", "--help")]
    [InlineData("--overwrite", "data", "generate", "--help")]
    public async Task EveryCommand_AnswersHelp_WithItsOwnOptions(string expected, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(args, output, error, DemoCommandLine.Extensions);

        Assert.True(exitCode == 0, error.ToString());
        Assert.True(output.ToString().Contains(expected, StringComparison.Ordinal), output.ToString());
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task Help_OfAnUnknownCommand_Exit2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await CommandLine.RunAsync(["frobnicate", "--help"], output, error));
        Assert.Contains("Unknown command 'frobnicate'", error.ToString(), StringComparison.Ordinal);
    }
}
