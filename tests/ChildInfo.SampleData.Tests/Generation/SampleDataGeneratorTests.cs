using ChildInfo.SampleData.Generation;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.SampleData.Tests.Generation;

public sealed class SampleDataGeneratorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"childinfo-gen-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SampleDataOptions Options(int children = 1_000) =>
        new() { Children = children, Seed = 3, OutputDirectory = _folder, ChunkSize = 128 };

    private static SampleDataGenerator Generator(params IAgencyWriter[] writers) => new(() => writers);

    private async Task<long> CountAsync(string agency, string table)
    {
        await using var connection = await new AgencyDatabase(DatabaseOptions.SqliteFile(Path.Combine(_folder, agency + ".db"))).OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    [Fact]
    public async Task GenerateAsync_WritesEveryChildOnceToEveryAgency_AndReferenceDataOnce()
    {
        var summary = await Generator(new CountingWriter(Agency.Education), new CountingWriter(Agency.SocialCare)).GenerateAsync(Options(1_000));

        foreach (var agency in new[] { Agency.Education, Agency.SocialCare })
        {
            Assert.Equal(1_000, await CountAsync(agency, "t_child"));
            await using var connection = await new AgencyDatabase(DatabaseOptions.SqliteFile(Path.Combine(_folder, agency + ".db"))).OpenAsync();
            Assert.Equal(1_000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT sequence_no) FROM t_child"));
            Assert.Equal(999, await connection.ExecuteScalarAsync<long>("SELECT MAX(sequence_no) FROM t_child"));
            Assert.Equal(ReferenceDataFactory.Create().Schools.Count, await CountAsync(agency, "t_reference"));
            // The larger page cache used while loading is not left behind in the file.
            Assert.NotEqual(16_000, await connection.ExecuteScalarAsync<long>("PRAGMA default_cache_size"));
        }
        Assert.Equal(1_000, summary.Children);
        Assert.Equal([Agency.Education, Agency.SocialCare], summary.Agencies.Select(a => a.Agency));
        var education = summary.Agencies[0];
        Assert.Equal(Path.Combine(_folder, "education.db"), education.Target);
        Assert.Equal(new[] { "t_reference", "t_child" }, education.RowCounts.Select(r => r.Key));
        Assert.Equal(1_000, education.RowCounts.Single(r => r.Key == "t_child").Value);
        Assert.False(File.Exists(Path.Combine(_folder, "education.db-wal")) && new FileInfo(Path.Combine(_folder, "education.db-wal")).Length > 0);
    }

    [Fact]
    public async Task GenerateAsync_WritesTheSameChildrenAsThePopulationGenerator()
    {
        await Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options(300));

        var expected = new PopulationGenerator(3).Generate(300).Select(c => (c.ChildId, c.Truth.Surname)).ToArray();
        await using var connection = await new AgencyDatabase(DatabaseOptions.SqliteFile(Path.Combine(_folder, "education.db"))).OpenAsync();
        var rows = (await connection.QueryAsync<(string, string)>("SELECT child_id, surname FROM t_child ORDER BY sequence_no")).ToArray();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task GenerateAsync_ReportsProgressInTenths_EndingWithEveryChild()
    {
        var reports = new List<GenerationProgress>();
        await Generator(new CountingWriter(Agency.Education), new CountingWriter(Agency.EarlyYears))
            .GenerateAsync(Options(2_000), new InlineProgress(reports.Add));

        Assert.InRange(reports.Count, 5, 10);
        Assert.Equal(2_000, reports[^1].ChildrenWritten);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.ChildrenWritten < p.Second.ChildrenWritten));
        Assert.All(reports, r => Assert.Equal(2_000, r.TotalChildren));
    }

    [Fact]
    public async Task GenerateAsync_ExistingDatabase_IsRefusedWithoutOverwrite_AndReplacedWithIt()
    {
        await Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options(200));

        var refused = await Assert.ThrowsAsync<SampleDataException>(() => Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options(300)));
        Assert.Contains($"The education database ({Path.Combine(_folder, "education.db")}) already holds data in t_reference", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(200, await CountAsync(Agency.Education, "t_child"));

        await Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options(300) with { Overwrite = true });
        Assert.Equal(300, await CountAsync(Agency.Education, "t_child"));
    }

    [Fact]
    public async Task GenerateAsync_ExistingDatabaseWithEmptyTables_IsFilled()
    {
        var writer = new CountingWriter(Agency.Education);
        var database = new AgencyDatabase(DatabaseOptions.SqliteFile(Path.Combine(_folder, "education.db")));
        Directory.CreateDirectory(_folder);
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema);

        await Generator(writer).GenerateAsync(Options(200));

        Assert.Equal(200, await CountAsync(Agency.Education, "t_child"));
    }

    [Fact]
    public async Task GenerateAsync_ARefusedTarget_LeavesTheOthersUntouched()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "social-care.db"), "not empty");

        var refused = await Assert.ThrowsAsync<SampleDataException>(() =>
            Generator(new CountingWriter(Agency.Education), new CountingWriter(Agency.SocialCare)).GenerateAsync(Options(200)));

        Assert.Contains("Cannot open the social-care database", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "education.db")));
        Assert.Equal("not empty", await File.ReadAllTextAsync(Path.Combine(_folder, "social-care.db")));
    }

    [Fact]
    public async Task GenerateAsync_AWriterFails_SurfacesItsErrorAndStops()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Generator(new CountingWriter(Agency.Education), new CountingWriter(Agency.SocialCare, failOnChunk: 3)).GenerateAsync(Options(5_000)));

        Assert.Equal("social-care writer failed on purpose", failure.Message);
    }

    [Theory]
    [InlineData(99, "between 100 and 1,000,000")]
    [InlineData(1_000_001, "between 100 and 1,000,000")]
    public async Task GenerateAsync_CountOutOfRange_IsRefused(int children, string expected)
    {
        var refused = await Assert.ThrowsAsync<SampleDataException>(() => Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options(children)));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "education.db")));
    }

    [Fact]
    public async Task GenerateAsync_BadOptions_AreAllReported()
    {
        var options = Options() with
        {
            ChunkSize = 5,
            Agencies = ["education", "health"],
            Provider = DatabaseProvider.Postgres,
        };

        var refused = await Assert.ThrowsAsync<SampleDataException>(() => Generator(new CountingWriter(Agency.Education)).GenerateAsync(options));

        Assert.Contains("chunk size", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown agency 'health'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL needs a connection string for 'education'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_AgencyWithoutAWriter_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<SampleDataException>(() =>
            Generator(new CountingWriter(Agency.Education)).GenerateAsync(Options() with { Agencies = [Agency.VoluntarySector] }));
        Assert.Contains("No writer for agency 'voluntary-sector'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_OnlySelectedAgencies_AreWritten()
    {
        await Generator(new CountingWriter(Agency.Education), new CountingWriter(Agency.SocialCare))
            .GenerateAsync(Options(200) with { Agencies = [Agency.SocialCare] });

        Assert.True(File.Exists(Path.Combine(_folder, "social-care.db")));
        Assert.False(File.Exists(Path.Combine(_folder, "education.db")));
    }

    [Fact]
    public void AgencyWriters_All_CoversEveryAgencyOnce()
    {
        var writers = AgencyWriters.All();
        Assert.Equal(Agency.All, writers.Select(w => w.Agency));
        Assert.All(writers, w => Assert.Contains(w.Agency, Agency.All));
        Assert.Equal(writers.Count, writers.Select(w => w.Agency).Distinct().Count());
        Assert.All(writers, w => Assert.NotEmpty(w.Schema.Tables));
    }

    private sealed class InlineProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
