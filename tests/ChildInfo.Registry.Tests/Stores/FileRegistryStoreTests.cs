using System.Text.Json;
using ChildInfo.Registry.Tests.Kit;
using ChildInfo.Testing;

namespace ChildInfo.Registry.Tests.Stores;

/// <summary>The store contract on a JSON file, and what only a file can get wrong.</summary>
public sealed class FileRegistryStoreTests : RegistryStoreContract
{
    private readonly TempFolder _folder = TempFolder.Create("childinfo-registry-");

    private string FilePath => _folder.Combine("state", "registry.json");

    protected override void CleanUp() => _folder.Dispose();

    protected override Task<IRegistryStore> OpenStoreAsync() => Task.FromResult<IRegistryStore>(new FileRegistryStore(FilePath));

    [Fact]
    public async Task TryWriteAsync_WritesReadableCamelCaseJsonWithTheRevision()
    {
        var store = await OpenAsync();

        await store.TryWriteAsync(0, Entries.Of("education"), Ct);

        var text = await File.ReadAllTextAsync(FilePath, Ct);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(1, json.RootElement.GetProperty("revision").GetInt64());
        Assert.Equal("education", json.RootElement.GetProperty("subgraphs")[0].GetProperty("name").GetString());
        Assert.True(json.RootElement.GetProperty("subgraphs")[0].TryGetProperty("sdlHash", out _));
        Assert.Contains('\n', text);
    }

    [Fact]
    public async Task TryWriteAsync_LeavesNoTemporaryFilesBehind()
    {
        var store = await OpenAsync();

        await store.TryWriteAsync(0, Entries.Of("education"), Ct);
        await store.TryWriteAsync(1, Entries.Of("social-care"), Ct);

        var files = Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName).Order();
        Assert.Equal(["registry.json", "registry.json.lock"], files);
    }

    [Fact]
    public async Task TryWriteAsync_Conflict_LeavesTheFileByteForByte()
    {
        var store = await OpenAsync();
        await store.TryWriteAsync(0, Entries.Of("education"), Ct);
        var before = await File.ReadAllBytesAsync(FilePath, Ct);

        Assert.Null(await store.TryWriteAsync(0, Entries.Of("social-care"), Ct));

        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath, Ct));
    }

    [Theory]
    [InlineData("{ \"revision\": 3, \"subgraphs\": [")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{ \"format\": 1, \"revision\": 3 }")]
    [InlineData("{ \"format\": 1, \"revision\": 2, \"subgraphs\": [ { \"name\": \"education\" } ] }")]
    [InlineData("{ \"format\": 99, \"revision\": 2, \"subgraphs\": [] }")]
    public async Task ReadAsync_CorruptFile_ThrowsNamingTheFile_AndWritesAreRefused(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, content, Ct);
        var store = await OpenAsync();

        var read = await Assert.ThrowsAsync<RegistryStoreException>(() => store.ReadAsync(Ct));
        var write = await Assert.ThrowsAsync<RegistryStoreException>(() => store.TryWriteAsync(0, Entries.Of("education"), Ct));

        Assert.Contains(FilePath, read.Message);
        Assert.Contains("not a valid subgraph registry", read.Message);
        Assert.Contains(FilePath, write.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(FilePath, Ct));
    }

    [Fact]
    public async Task TryWriteAsync_WhileAnotherProcessHoldsTheLock_WaitsForIt()
    {
        var store = await OpenAsync();
        await store.TryWriteAsync(0, Entries.Of("education"), Ct);
        var held = new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var write = store.TryWriteAsync(1, Entries.Of("social-care"), Ct);
        await Task.Delay(200, Ct);
        var finishedWhileLocked = write.IsCompleted;
        await held.DisposeAsync();
        var written = await write.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.False(finishedWhileLocked);
        Assert.NotNull(written);
        Assert.Equal(2, (await store.ReadAsync(Ct)).Revision);
    }

    [Fact]
    public async Task Description_IsTheFullPath()
    {
        var store = await OpenAsync();

        Assert.Equal($"file {FilePath}", store.Description);
    }
}
