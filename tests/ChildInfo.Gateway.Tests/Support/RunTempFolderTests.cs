using ChildInfo.Testing;

namespace ChildInfo.Gateway.Tests.Support;

/// <summary>Everything these tests create goes under this process's run folder, which is removed at the end.</summary>
public sealed class RunTempFolderTests
{
    [Fact]
    public void TempPath_IsThisProcesssRunFolder_WithTheThrowawayDatabasesAndTestFoldersInside()
    {
        var run = RunTempFolder.Current;

        Assert.NotNull(run);
        Assert.StartsWith(RunTempFolder.Prefix, Path.GetFileName(run), StringComparison.Ordinal);
        Assert.Equal(run, Path.TrimEndingDirectorySeparator(Path.GetTempPath()));
        Assert.StartsWith(run + Path.DirectorySeparatorChar, RealServers.SqliteFile("probe"), StringComparison.Ordinal);
        var folder = TempFolder.Create("childinfo-probe-");
        File.WriteAllText(folder.Combine("file.txt"), "x");
        Assert.Equal(run, Path.GetDirectoryName(folder.Path));

        folder.Dispose();

        Assert.False(Directory.Exists(folder.Path));
    }
}
