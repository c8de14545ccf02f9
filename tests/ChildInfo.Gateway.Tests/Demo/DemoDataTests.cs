using ChildInfo.Gateway.Demo;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>
/// The demo generates its own population into its folder and reuses it; a folder of databases it did not write
/// (the output of <c>data generate</c>, say, of another size) is refused, never silently replaced.
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
}
