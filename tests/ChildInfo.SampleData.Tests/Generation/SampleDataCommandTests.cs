using ChildInfo.SampleData.Generation;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Tests.Generation;

public class SampleDataCommandTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var parsed = SampleDataCommand.Parse([]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new SampleDataOptions(), parsed.Options);
        Assert.Equal(10_000, parsed.Options!.Children);
        Assert.Equal(new DateOnly(2026, 10, 1), parsed.Options.ReferenceDate);
        Assert.Equal(DatabaseOptions.SqliteFile(Path.Combine("data", "education.db")), parsed.Options.DatabaseFor("education"));
    }

    [Fact]
    public void Parse_EveryOption()
    {
        var parsed = SampleDataCommand.Parse([
            "--children", "100,000", "--seed", "7", "--reference-date", "2027-01-14", "--output", "/tmp/x", "--chunk-size", "2000",
            "--provider", "postgres", "--connection-template", "Host=db;Database=ci_{agency}", "--database", "education=sqlite:/tmp/edu.db",
            "--agencies", "education, social-care", "--force", "--quiet",
        ]);

        Assert.Empty(parsed.Errors);
        var options = parsed.Options!;
        Assert.Equal(100_000, options.Children);
        Assert.Equal(7, options.Seed);
        Assert.Equal(new DateOnly(2027, 1, 14), options.ReferenceDate);
        Assert.Equal(2000, options.ChunkSize);
        Assert.True(options.Overwrite);
        Assert.True(parsed.Quiet);
        Assert.Equal(["education", "social-care"], options.Agencies);
        Assert.Equal(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=ci_social_care" }, options.DatabaseFor("social-care"));
        Assert.Equal(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=/tmp/edu.db" }, options.DatabaseFor("education"));
    }

    [Fact]
    public void Parse_OutIsShortForOutput()
    {
        Assert.Equal("data/sample", SampleDataCommand.Parse(["--out", "data/sample"]).Options!.OutputDirectory);
    }

    [Theory]
    [InlineData(new[] { "--children" }, "--children needs a value.")]
    [InlineData(new[] { "--children", "lots" }, "--children needs a whole number (was 'lots').")]
    [InlineData(new[] { "--reference-date", "01/10/2026" }, "--reference-date needs a date as yyyy-MM-dd (was '01/10/2026').")]
    [InlineData(new[] { "--provider", "oracle" }, "Unknown provider 'oracle'; use sqlite, postgres or sqlserver.")]
    [InlineData(new[] { "--database", "education" }, "--database needs AGENCY=PROVIDER:CONNECTION (was 'education').")]
    [InlineData(new[] { "--colour" }, "Unknown option '--colour'.")]
    public void Parse_BadArguments_SayWhatIsWrong(string[] args, string expected)
    {
        var parsed = SampleDataCommand.Parse(args);

        Assert.Null(parsed.Options);
        Assert.Contains(expected, parsed.Errors);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await SampleDataCommand.RunAsync(["--help"], output, error));
        Assert.Contains("--children N", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SmallRun_WritesEveryAgencyAndASummary_ThenRefusesToOverwriteWithoutForce()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"childinfo-cli-{Guid.NewGuid():N}");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await SampleDataCommand.RunAsync(["--children", "200", "--seed", "5", "--out", folder], output, error));

            var text = output.ToString();
            Assert.Contains("Generating 200 children (seed 5, reference date 2026-10-01)", text, StringComparison.Ordinal);
            Assert.Contains("100 %", text, StringComparison.Ordinal);
            Assert.Contains("Wrote 200 children", text, StringComparison.Ordinal);
            foreach (var agency in ChildInfo.SampleData.Population.Agency.All)
            {
                Assert.True(File.Exists(Path.Combine(folder, agency + ".db")), agency);
                Assert.Contains(agency, text, StringComparison.Ordinal);
            }
            Assert.Empty(error.ToString());

            using var again = new StringWriter();
            using var refused = new StringWriter();
            Assert.Equal(2, await SampleDataCommand.RunAsync(["--children", "200", "--out", folder, "--quiet"], again, refused));
            Assert.Contains("already holds data", refused.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await SampleDataCommand.RunAsync(["--children", "200", "--out", folder, "--quiet", "--force"], again, refused));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "--children", "50" }, "between 100 and 1,000,000")]
    [InlineData(new[] { "--children", "5000000" }, "between 100 and 1,000,000")]
    [InlineData(new[] { "--provider", "mongodb" }, "Unknown provider 'mongodb'")]
    [InlineData(new[] { "--provider", "sqlserver" }, "SQL Server needs a connection string")]
    [InlineData(new[] { "--output", "/proc/version/data" }, "is not writable")]
    public async Task RunAsync_BadInput_ExitsWithCodeTwoAndAClearMessage(string[] args, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        // A folder not there yet, inside one of the test's own that goes when the test does (the command may create it).
        using var temp = ChildInfo.Testing.TempFolder.Create("childinfo-cli-");
        var folder = temp.Combine("out");
        string[] withOutput = args.Contains("--output") ? args : [.. args, "--output", folder];

        Assert.Equal(2, await SampleDataCommand.RunAsync([.. withOutput, "--quiet"], output, error));
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "child-index.db")));
    }
}
