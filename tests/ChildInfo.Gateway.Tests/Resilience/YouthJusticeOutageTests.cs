using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Tests.Registry;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Registry;
using ChildInfo.Subgraphs.YouthJustice;
using ChildInfo.Subgraphs.YouthJustice.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// The youth justice subgraph, registered at runtime by a system owner and then stopped: the team manager's
/// joined-up query still returns the child and the other agencies' records; only <c>youthJustice</c> is lost, with an
/// error naming the service, and the subgraph is reported not answering at once in <c>/health</c>,
/// <c>/health/ready</c> and the registry list.
/// </summary>
public sealed class YouthJusticeOutageTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>, IAsyncLifetime
{
    private const string Query = """
        query($id: ID!) { child(id: $id) { id forename pupil { upn forename } socialCareChild { personId childProtectionPlanActive }
          youthJustice { caseId outcomeType status } } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-yj-outage-").FullName;
    private FileRegistryStore _store = null!;
    private RegistryGateway _gateway = null!;
    private WebApplication? _youthJustice;

    public async ValueTask InitializeAsync()
    {
        var environment = configured.Environment;
        File.Copy(Path.Combine(environment.DataDirectory, "child-index.db"), Path.Combine(_folder, "child-index.db"));
        _youthJustice = await YouthJusticeHost.CreateAsync(new YouthJusticeSubgraph(), ["--data", _folder, "--urls", "http://127.0.0.1:0"], TextWriter.Null);
        await _youthJustice.StartAsync();
        _store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        _gateway = await RegistryGateway.StartAsync(environment, configured.Subgraphs, _store);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await StopYouthJusticeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RegisteredAtRuntimeThenStopped_ChildAndOtherAgenciesStay_YouthJusticeErrorNamesTheService()
    {
        var url = _youthJustice!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
        var classifications = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "policies", "registrations", "youth-justice.yaml"));
        var (registered, registration) = await _gateway.AddAsync("youth-justice", url, classifications);
        Assert.True(registered == 200, registration.ToString());
        Assert.Empty(registration.GetProperty("warnings").EnumerateArray());
        var childId = ChildWithCases() ?? ResilientGateway.ChildrenLinkedEverywhere(configured.Environment, 1).Single();

        var up = await TeamManagerQueryAsync(childId);
        await StopYouthJusticeAsync();
        var down = await TeamManagerQueryAsync(childId);
        var (_, list) = await _gateway.AdminAsync(HttpMethod.Get, "admin/subgraphs");
        using var health = JsonDocument.Parse(await _gateway.Client.GetStringAsync(new Uri(_gateway.BaseUrl, "health")));
        using var ready = JsonDocument.Parse(await _gateway.Client.GetStringAsync(new Uri(_gateway.BaseUrl, "health/ready")));

        var before = up.GetProperty("data").GetProperty("child");
        Assert.Equal(JsonValueKind.Array, before.GetProperty("youthJustice").ValueKind);
        Assert.False(up.TryGetProperty("errors", out var upErrors), upErrors.ToString());
        var child = down.GetProperty("data").GetProperty("child");
        Assert.Equal(childId, child.GetProperty("id").GetString());
        Assert.Equal(before.GetProperty("forename").GetString(), child.GetProperty("forename").GetString());
        Assert.True(JsonElement.DeepEquals(before.GetProperty("pupil"), child.GetProperty("pupil")), child.ToString());
        Assert.True(JsonElement.DeepEquals(before.GetProperty("socialCareChild"), child.GetProperty("socialCareChild")), child.ToString());
        Assert.Equal(JsonValueKind.Null, child.GetProperty("youthJustice").ValueKind);
        var error = Assert.Single(down.GetProperty("errors").EnumerateArray());
        // Apollo Router's convention: a failed entity fetch is reported at the path of the entity it should have filled.
        Assert.Equal(["child"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("youth-justice", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(ErrorCodes.SubgraphRequestFailed, error.GetProperty("extensions").GetProperty("code").GetString());
        var entry = Assert.Single(list.GetProperty("subgraphs").EnumerateArray(), s => s.GetProperty("name").GetString() == "youth-justice");
        Assert.Equal("not answering", entry.GetProperty("status").GetString());
        Assert.Equal(["youth-justice"], health.RootElement.GetProperty("notAnswering").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Degraded", ready.RootElement.GetProperty("status").GetString());
        Assert.Equal(["youth-justice"], ready.RootElement.GetProperty("checks").GetProperty("subgraphs").GetProperty("data").GetProperty("notAnswering").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<JsonElement> TeamManagerQueryAsync(string childId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.BaseUrl, "graphql")) { Content = JsonContent.Create(new { query = Query, variables = new { id = childId } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _gateway.Token("team_manager", "tm-outage"));
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", "MASH contact M-4471");
        using var response = await _gateway.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A child the seeded youth justice service holds cases for, if the small test population has one.</summary>
    private string? ChildWithCases()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "youth-justice.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.child_index_id FROM yj_person p JOIN yj_case c ON c.person_id = p.person_id WHERE p.child_index_id IS NOT NULL ORDER BY p.child_index_id LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    private async Task StopYouthJusticeAsync()
    {
        if (_youthJustice is { } app)
        {
            _youthJustice = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
