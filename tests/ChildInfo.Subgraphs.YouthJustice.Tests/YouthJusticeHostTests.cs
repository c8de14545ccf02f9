using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.YouthJustice.Hosting;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>Starting the subgraph on its own: where it finds the child index and its database, and what it says when it cannot.</summary>
public sealed class YouthJusticeHostTests
{
    [Fact]
    public async Task Run_DataFolderWithoutChildIndex_ExitsOneWithAMessageNotAStackTrace()
    {
        // A data folder not there yet (the host creates it), inside one of the test's own that goes when the test does.
        using var temp = ChildInfo.Testing.TempFolder.Create("childinfo-yj-empty-");
        var folder = temp.Combine("data");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await YouthJusticeHost.RunAsync(["--data", folder], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        var message = error.ToString();
        Assert.StartsWith("youth-justice: cannot start: The child index database", message);
        Assert.Contains(Path.Combine(folder, "child-index.db"), message);
        Assert.Contains("run the gateway demo once", message);
        Assert.DoesNotContain("   at ", message);
    }

    [Fact]
    public async Task Create_DataFolderWithChildIndex_SeedsItsOwnDatabaseBesideIt()
    {
        using var data = ChildInfo.Testing.TempFolder.Create("childinfo-yj-data-");
        var folder = data.Path;
        var index = await ChildIndexFile.CreateAsync(ChildIndexFile.Population(3_000));
        File.Copy(index, Path.Combine(folder, "child-index.db"));
        var output = new StringWriter();

        await using var app = await YouthJusticeHost.CreateAsync(new YouthJusticeSubgraph(), ["--data", folder, "--urls", "http://127.0.0.1:0"], output, TestContext.Current.CancellationToken);

        var database = app.Services.GetRequiredService<AgencyDatabase>();
        Assert.Equal($"Data Source={Path.Combine(folder, "youth-justice.db")}", database.Options.ConnectionString);
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM yj_case") > 0);
        Assert.Contains("youth-justice: seeded", output.ToString());
    }

    [Fact]
    public void Options_ChildIndexSetting_WinsOverTheDataFolder()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--data", "demo-data", "--child-index", "elsewhere/index.db"], new Dictionary<string, string>(YouthJusticeOptions.Switches))
            .Build();

        var options = YouthJusticeOptions.FromConfiguration(configuration);

        Assert.Equal("elsewhere/index.db", options.ChildIndexDatabase);
        Assert.Equal("demo-data", options.DataDirectory);
        Assert.True(options.Seed);
    }

    [Fact]
    public void Options_NothingConfigured_TheDemosChildIndex()
    {
        var options = YouthJusticeOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal("data/demo/child-index.db", options.ChildIndexDatabase);
        Assert.Null(options.DataDirectory);
    }
}
