using ChildInfo.Gateway.Demo;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>The demo's first run on the README's population (2,000 children, seed 1) in a folder of its own: generated and linked once for the class.</summary>
public sealed class DemoFirstRunFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("childinfo-demo-first-run-").FullName;

    /// <summary>What the first run printed.</summary>
    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        await DemoData.EnsureAsync(Folder, 2_000, 1, output, CancellationToken.None).ConfigureAwait(false);
        Output = output.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
