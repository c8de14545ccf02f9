using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The root lookup over a real database, with a context key: it decides record scope with the service's allocations or refuses.</summary>
public abstract class YouthJusticeScopeTests : IAsyncLifetime
{
    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new YouthJusticeSubgraph(), await TestDatabases.CreateAsync(Provider, "yj_scope"), YouthJusticeSeed.WriteAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private const string Case = "query($id: ID!) { youthJusticeCase(caseId: $id) { caseId } }";

    [Fact]
    public async Task OpenCase_AllocatedToTheCaller_IsReturned_ClosedAndOthersAreOutsideScope()
    {
        var own = await PostAsync("OwnCaseload", new { id = "YJC-000002" }, user: "yjs-daniel-okafor");
        var closed = await PostAsync("OwnCaseload", new { id = "YJC-000001" }, user: "yjs-rebecca-lloyd");
        var someoneElses = await PostAsync("OwnCaseload", new { id = "YJC-000003" }, user: "yjs-daniel-okafor");

        Assert.Equal("YJC-000002", own.GetProperty("data").GetProperty("youthJusticeCase").GetProperty("caseId").GetString());
        Assert.Equal("OUTSIDE_SCOPE", Code(closed));
        Assert.Equal("OUTSIDE_SCOPE", Code(someoneElses));
        Assert.Equal(JsonValueKind.Null, someoneElses.GetProperty("data").GetProperty("youthJusticeCase").ValueKind);
    }

    [Fact]
    public async Task OpenCase_OfTheCallersTeam_IsReturned() =>
        Assert.Null(Code(await PostAsync("OwnCaseload", new { id = "YJC-000002" }, user: "a-team-manager", team: "yjs-court-south")));

    [Fact]
    public async Task UnknownCase_UnderCaseloadScope_IsOutsideScopeNotNull() =>
        Assert.Equal("OUTSIDE_SCOPE", Code(await PostAsync("OwnCaseload", new { id = "YJC-999999" }, user: "yjs-daniel-okafor")));

    [Fact]
    public async Task AnyCase_UnderSchoolRollScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnSchoolRoll", new { id = "YJC-000002" }, school: "100001");

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", response.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_ReachesAnyCase_EvenClosed() =>
        Assert.Null(Code(await PostAsync("Everyone", new { id = "YJC-000001" })));

    private Task<JsonElement> PostAsync(string scope, object variables, string user = "nobody", string? team = null, string? school = null) =>
        _host.QueryAsync(_host.Context(scope, user) with { Team = team, School = school }, _key, Case, variables);

    private static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}

public sealed class YouthJusticeScopeTests_Sqlite : YouthJusticeScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class YouthJusticeScopeTests_Postgres : YouthJusticeScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
