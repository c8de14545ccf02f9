using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Tests.Linkage;

/// <summary>
/// <c>childinfo link run | record | review | stats</c> against a running gateway: the run's figures, the review queue, what the
/// index holds and its quality against the generator's truth; exit 1 with the code for what the gateway refuses or a
/// gateway that cannot be reached; exit 2 for a wrong command line; <c>--help</c> on each.
/// </summary>
public sealed class LinkCommandTests(LinkageGatewayFixture fixture) : IClassFixture<LinkageGatewayFixture>
{
    [Fact]
    public async Task Run_ThenStats_PrintTheFigures_AndTheQualityAgainstTheTruth()
    {
        var gateway = await fixture.StartAsync(fixture.SubgraphUrls);

        var run = await RunAsync(gateway, "linkage_officer", "run");
        var stats = await RunAsync(gateway, "linkage_officer", "stats");
        var quality = await CommandAsync("link", "stats", "--index", gateway.IndexFile, "--truth", fixture.TruthIndex);

        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("records read:", run.Output, StringComparison.Ordinal);
        Assert.Contains("links by method: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("NHS_NUMBER", run.Output, StringComparison.Ordinal);
        Assert.True(stats.Code == 0, stats.Error);
        Assert.Contains("Children: ", stats.Output, StringComparison.Ordinal);
        Assert.Contains("Pairs waiting for review: ", stats.Output, StringComparison.Ordinal);
        Assert.True(quality.Code == 0, quality.Error);
        Assert.Matches(@"precision (0\.99\d\d|1\.0000)  recall (0\.9[7-9]\d\d|1\.0000)", quality.Output);
        Assert.Contains("largest ethnicity gap:", quality.Output, StringComparison.Ordinal);
        Assert.Contains("deprivation decile:", quality.Output, StringComparison.Ordinal);
        Assert.Contains("sex:F", quality.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AsAnotherRole_Exit1WithTheCode()
    {
        var (code, _, error) = await RunAsync(fixture.Working, "la_analyst", "run", "--purpose", "service_planning");

        Assert.Equal(1, code);
        Assert.Contains("NOT_LINKAGE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenAnAgencyDoesNotAnswer_Exit1SayingNothingWasWritten()
    {
        var (code, _, error) = await RunAsync(fixture.Broken, "linkage_officer", "run");

        Assert.Equal(1, code);
        Assert.Contains("LINKAGE_AGENCY_NOT_ANSWERING", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ListsThePairs_AndAnUnknownPairIsRefused()
    {
        var list = await RunAsync(fixture.Working, "linkage_officer", "review");
        var unknown = await RunAsync(fixture.Working, "linkage_officer", "review", "--reject", "R-00000000", "--reason", "different children");

        Assert.True(list.Code == 0, list.Error);
        Assert.Contains("review", list.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("LINKAGE_BAD_DECISION", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_AfterARun_SaysWhereTheRecordWent_AndAnUnknownOneIsRefused()
    {
        var gateway = await fixture.StartAsync(fixture.SubgraphUrls);
        Assert.Equal(0, (await RunAsync(gateway, "linkage_officer", "run")).Code);
        var localId = LinkageJobTests.LinkedRecord(gateway.IndexFile, "education");

        var linked = await RunAsync(gateway, "linkage_officer", "record", "--agency", "education", "--id", localId);
        var unknown = await RunAsync(gateway, "linkage_officer", "record", "--agency", "education", "--id", "NO-SUCH-PUPIL");

        Assert.True(linked.Code == 0, linked.Error);
        Assert.Contains("linked to an existing child", linked.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(localId, linked.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("LINKAGE_RECORD_NOT_FOUND", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("link", "review", "--accept", "R-00000000")]
    [InlineData("link", "review", "--accept", "R-1", "--reject", "R-2", "--reason", "x")]
    [InlineData("link", "stats", "--truth", "truth.db")]
    [InlineData("link", "dance")]
    [InlineData("link", "record", "--id", "X1")]
    [InlineData("link", "record", "--agency", "education")]
    [InlineData("link", "run", "--no-such-option", "x")]
    public async Task WrongCommandLine_Exit2WithWhatToChange(params string[] args)
    {
        var (code, _, error) = await CommandAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("childinfo: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableGateway_Exit1SayingSo()
    {
        var (code, _, error) = await CommandAsync("link", "stats", "--gateway", "http://127.0.0.1:9", "--token", fixture.Token("linkage_officer"));

        Assert.Equal(1, code);
        Assert.Contains("GATEWAY_UNREACHABLE", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("link", "--help")]
    [InlineData("link", "run", "--help")]
    public async Task Help_DescribesRunReviewAndStats(params string[] args)
    {
        var (code, output, _) = await CommandAsync(args);

        Assert.Equal(0, code);
        Assert.Contains("link run | record --agency A --id ID | review", output, StringComparison.Ordinal);
        Assert.Contains("--accept PAIR", output, StringComparison.Ordinal);
        Assert.Contains("--truth FILE", output, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(LinkageGatewayFixture.Gateway gateway, string role, params string[] args) =>
        CommandAsync(["link", .. args, "--gateway", gateway.BaseUrl.ToString(), "--token", fixture.Token(role)]);

    private static async Task<(int Code, string Output, string Error)> CommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
