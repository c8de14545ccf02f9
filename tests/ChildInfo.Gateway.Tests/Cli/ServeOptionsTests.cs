using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Tests.Cli;

/// <summary><c>childinfo serve</c> options: where local files go with a supergraph file, and what only the demo takes.</summary>
public sealed class ServeOptionsTests
{
    [Fact]
    public void Supergraph_WithData_KeepsLocalFilesThere()
    {
        var options = ServeOptions.Parse(["--supergraph", "super.graphql", "--data", "/var/lib/childinfo"]);

        Assert.Equal("super.graphql", options.SupergraphFile);
        Assert.Equal("/var/lib/childinfo", options.DataDirectory);
    }

    [Theory]
    [InlineData("--children", "100")]
    [InlineData("--seed", "3")]
    public void Supergraph_WithDemoSampleOptions_IsRefused(string option, string value)
    {
        var ex = Assert.Throws<CommandLineException>(() => ServeOptions.Parse(["--supergraph", "super.graphql", option, value]));

        Assert.Contains("--supergraph", ex.Message, StringComparison.Ordinal);
    }
}
