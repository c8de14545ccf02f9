using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// <c>childinfo stats QUESTION.json</c> against a running gateway: the table with its GSS symbols and CSV for a saved
/// question from <c>docs/questions</c>, exit 1 with each problem for a question the gateway refuses, exit 2 for a file
/// that is not a question.
/// </summary>
public sealed class StatsCommandTests(AnalyticsGatewayFixture fixture) : IClassFixture<AnalyticsGatewayFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-stats-").FullName;

    [Fact]
    public async Task SavedQuestion_PrintsTheTable_AndWritesTheCsv()
    {
        var question = Path.Combine(RepositoryPaths.Root, "docs", "questions", "children-in-need-heard-by-team.json");
        var csv = Path.Combine(_folder, "table.csv");

        var (code, output, error) = await RunAsync(question, "--csv", csv);

        Assert.True(code == 0, error);
        Assert.Contains("Agencies: social-care", output, StringComparison.Ordinal);
        Assert.Contains("social-care.team", output, StringComparison.Ordinal);
        Assert.Contains("c: confidential (suppressed)", output, StringComparison.Ordinal);
        Assert.StartsWith("social-care.team,children,percentage", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedQuestion_Exit1_WithEachProblemAndWhere()
    {
        var question = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(question, """{ "asAt": "2026-10-02", "condition": { "fact": { "agency": "social-care", "fact": "no_such_fact", "asAt": "2026-10-01" } } }""");

        var (code, _, error) = await RunAsync(question);

        Assert.Equal(1, code);
        Assert.Contains("COHORT_UNALIGNED_WINDOW at as_at", error, StringComparison.Ordinal);
        Assert.Contains("COHORT_UNKNOWN_FACT at condition", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task FileThatIsNotAQuestion_IsAUsageError(string text)
    {
        var question = Path.Combine(_folder, "not-a-question.json");
        await File.WriteAllTextAsync(question, text);

        await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(question));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StatsCommand.RunAsync([.. args, "--gateway", fixture.Protected.BaseUrl.ToString(), "--token", fixture.Token("la_analyst")],
            output, error, "Production", null, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => ChildInfo.Testing.RunTempFolder.DeleteTree(_folder);
}
