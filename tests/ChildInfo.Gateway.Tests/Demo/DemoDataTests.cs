using ChildInfo.Gateway.Demo;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>
/// The demo generates its own population into its folder, links it with the linkage job, and reuses it; a folder of
/// databases it did not write (the output of <c>data generate</c>, say, of another size) is refused, never silently
/// replaced; a linkage run that fails stops the first run and leaves the folder to be done again.
/// </summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task EnsureAsync_OnAFolderOfDatabasesTheDemoDidNotWrite_RefusesAndLeavesThemAsTheyWere()
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-demo-data-").FullName;
        try
        {
            await new SampleDataGenerator().GenerateAsync(new SampleDataOptions { Children = 100, Seed = 3, OutputDirectory = folder, ChunkSize = 100 }, cancellationToken: TestContext.Current.CancellationToken);
            var before = Directory.GetFiles(folder, "*.db").ToDictionary(f => f, File.GetLastWriteTimeUtc);

            var refusal = await Assert.ThrowsAsync<SampleDataException>(() => DemoData.EnsureAsync(folder, 200, 1, TextWriter.Null, TestContext.Current.CancellationToken));

            Assert.Contains("did not generate", refusal.Message, StringComparison.Ordinal);
            Assert.All(before, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
            Assert.False(File.Exists(Path.Combine(folder, "generated.txt")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task EnsureAsync_GeneratesOnce_ThenReuses_AndRedoesARunThatDidNotFinish()
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-demo-data-").FullName;
        try
        {
            var first = await DemoData.EnsureAsync(folder, 100, 1, TextWriter.Null, TestContext.Current.CancellationToken);
            var second = await DemoData.EnsureAsync(folder, 100, 1, TextWriter.Null, TestContext.Current.CancellationToken);
            // A run stopped part way leaves its marker saying so: the next start writes the folder again.
            await File.WriteAllTextAsync(Path.Combine(folder, "generated.txt"), "incomplete", TestContext.Current.CancellationToken);
            var redone = await DemoData.EnsureAsync(folder, 100, 1, TextWriter.Null, TestContext.Current.CancellationToken);

            Assert.Equal([true, false, true], [first, second, redone]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task EnsureAsync_WhenTheLinkageRunIsRefused_Throws_LeavesTheGeneratorsIndex_AndTheNextStartRedoesIt()
    {
        var folder = Directory.CreateTempSubdirectory("childinfo-demo-data-").FullName;
        var policies = Directory.CreateTempSubdirectory("childinfo-demo-policies-").FullName;
        try
        {
            // The sample policies, except that the linkage officer may not read the voluntary sector's identities: the
            // job reads every agency or none, so it refuses before reading anything.
            foreach (var file in Directory.GetFiles(DemoLinkageOptions.SamplePolicies))
            {
                File.Copy(file, Path.Combine(policies, Path.GetFileName(file)));
            }

            var rules = Path.Combine(policies, "rules.yaml");
            var text = await File.ReadAllTextAsync(rules, TestContext.Current.CancellationToken);
            const string Identify = "identify: [education, early-years, social-care, voluntary-sector, youth-justice]";
            Assert.Contains(Identify, text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(rules, text.Replace(Identify, "identify: [education, early-years, social-care, youth-justice]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var refusing = DemoLinkageOptions.ForDataDirectory(folder) with { PolicyDirectory = policies };

            var failure = await Assert.ThrowsAsync<DemoLinkageException>(() => DemoData.EnsureAsync(folder, 100, 1, refusing, TextWriter.Null, TestContext.Current.CancellationToken));
            var marker = await File.ReadAllTextAsync(Path.Combine(folder, "generated.txt"), TestContext.Current.CancellationToken);
            var linkedBefore = JobLinks(folder);
            var redone = await DemoData.EnsureAsync(folder, 100, 1, TextWriter.Null, TestContext.Current.CancellationToken);

            Assert.Equal("IDENTIFY_NOT_ALLOWED", failure.Code);
            Assert.Contains("voluntary-sector", failure.Message, StringComparison.Ordinal);
            Assert.Equal("incomplete", marker.Trim());
            Assert.Equal(0L, linkedBefore);
            Assert.True(redone);
            Assert.True(JobLinks(folder) > 0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            Directory.Delete(policies, recursive: true);
        }
    }

    /// <summary>Links in the folder's child index that the linkage job wrote (its link ids are <c>L-</c> hashes).</summary>
    private static long JobLinks(string folder)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "child-index.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ci_record_link WHERE link_id LIKE 'L-%'";
        return (long)command.ExecuteScalar()!;
    }
}
