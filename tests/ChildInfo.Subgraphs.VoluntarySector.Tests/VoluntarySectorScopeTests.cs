using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The agency's root lookups over a real database, with a context key: each decides record scope with the agency's own data or refuses.</summary>
public abstract class VoluntarySectorScopeTests : IAsyncLifetime
{
    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new VoluntarySectorSubgraph(), await TestDatabases.CreateAsync(Provider, "scope"), VoluntarySectorSeed.WriteAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<JsonElement> PostAsync(string scope, string query, object? variables = null, string user = "nobody", string? team = null, string? organisation = null, string? school = null, string? setting = null) =>
        _host.QueryAsync(_host.Context(scope, user) with { Team = team, Organisation = organisation, School = school, Setting = setting }, _key, query, variables);

    private static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static string Message(JsonElement response) => response.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private const string Participant = "query($id: ID!) { vcsParticipant(participantId: $id) { participantId } }";

    [Fact]
    public async Task Participant_OfTheCallersKeyworking_IsReturned_OthersAreOutsideScope()
    {
        var own = await PostAsync("OwnCaseload", Participant, new { id = "VCS-000001" }, user: "KW1");
        var ended = await PostAsync("OwnCaseload", Participant, new { id = "VCS-000002" }, user: "KW1");

        Assert.Equal("VCS-000001", own.GetProperty("data").GetProperty("vcsParticipant").GetProperty("participantId").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("data").GetProperty("vcsParticipant").ValueKind);
        Assert.Equal("OUTSIDE_SCOPE", Code(ended));
    }

    [Fact]
    public async Task Participant_OfTheCallersOrganisation_IsReturned() =>
        Assert.Null(Code(await PostAsync("OwnCaseload", Participant, new { id = "VCS-000001" }, user: "someone", organisation: "ORG02")));

    [Fact]
    public async Task Participant_UnderSettingScope_IsRefused_PointingToTheChildIndex()
    {
        var response = await PostAsync("OwnSetting", Participant, new { id = "VCS-000001" }, setting: "200001");

        Assert.Equal("OUTSIDE_SCOPE", Code(response));
        Assert.Contains("child index", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_ReachesAnyParticipant() =>
        Assert.Null(Code(await PostAsync("Everyone", Participant, new { id = "VCS-000002" })));
}

public sealed class VoluntarySectorScopeTests_Sqlite : VoluntarySectorScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class VoluntarySectorScopeTests_Postgres : VoluntarySectorScopeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
