using System.Text.Json;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Warming;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A restarted host plans the operations it was planning before it serves, from a file in its data folder that keeps
/// their shapes only: no variable, no value written into an operation, no comment.
/// </summary>
public sealed class RestartPlanWarmingTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>, IAsyncLifetime
{
    private const string Named = "# asked for Katie Stevens\nquery ChildName($id: ID!) { child(id: $id) { id forename } }";
    private const string Literal = "query ChildByLiteral { child(id: \"CH-SECRET-3\") { id } }";

    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-warm-").FullName;
    private FileRegistryStore _store = null!;

    private string FilePath => Path.Combine(_folder, ServeCommand.RecentOperationsFileName);

    public ValueTask InitializeAsync()
    {
        _store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Restart_PlansTheOperationsInUseBeforeServing_KeepingNoValue()
    {
        await using (var first = await StartAsync())
        {
            Assert.Equal(200, (await first.QueryAsync(Named, variables: new { id = "CH-SECRET-1" })).Status);
            Assert.Equal(200, (await first.QueryAsync(Literal)).Status);
        }

        var kept = await File.ReadAllTextAsync(FilePath, TestContext.Current.CancellationToken);
        Assert.Contains("ChildName", kept, StringComparison.Ordinal);
        Assert.Contains("\"social_worker\"", kept, StringComparison.Ordinal);
        Assert.Contains("\"child_protection\"", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("CH-SECRET", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("ChildByLiteral", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("Katie", kept, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        }

        await using var second = await StartAsync();
        var current = second.State.Current;
        var scopeKey = current.Policies!.Bind("social_worker", "child_protection", true, false).Scope!.CacheKey;
        var warmed = Assert.Single(current.Gateway.RecentOperations(10));
        Assert.Equal(scopeKey, warmed.ScopeKey);
        Assert.StartsWith("query ChildName(", warmed.Text, StringComparison.Ordinal);
        Assert.NotEmpty(warmed.ConditionKeys);

        var (status, body, _) = await second.QueryAsync(Named, variables: new { id = "CH-SECRET-1" });
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        // The request found the warmed plan: the operation is still cached once, under the same scope.
        Assert.Equal(scopeKey, Assert.Single(current.Gateway.RecentOperations(10), o => o.Text.Contains("ChildName", StringComparison.Ordinal)).ScopeKey);
    }

    [Fact]
    public async Task UnreadableFile_TheHostStillStartsAndServes_AndReplacesIt()
    {
        await File.WriteAllTextAsync(FilePath, "{ not json", TestContext.Current.CancellationToken);

        await using (var gateway = await StartAsync())
        {
            Assert.Equal(0, gateway.State.Current.Gateway.CachedOperationCount);
            Assert.Equal(200, (await gateway.QueryAsync(Named, variables: new { id = "CH-1" })).Status);
        }

        var operations = await RecentOperationsFile.LoadAsync(FilePath, TestContext.Current.CancellationToken);
        Assert.StartsWith("query ChildName(", Assert.Single(operations).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":"something-else/1","operations":[]}""")]
    [InlineData("""{"format":"childinfo-recent-operations/1","operations":[{"text":"","conditionKeys":[]}]}""")]
    [InlineData("""{"format":"childinfo-recent-operations/1"}""")]
    [InlineData("[]")]
    public async Task Load_ContentNotInTheFormat_IsRefusedSayingSo(string content)
    {
        await File.WriteAllTextAsync(FilePath, content, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => RecentOperationsFile.LoadAsync(FilePath, TestContext.Current.CancellationToken));

        Assert.Contains(FilePath, refused.Message, StringComparison.Ordinal);
    }

    private Task<RegistryGateway> StartAsync() =>
        RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, _store, key: Key, recentOperationsFile: FilePath);

    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
}
