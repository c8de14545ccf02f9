using System.Text.Json;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>A gateway (no identity, no registry) over a supergraph, with a <see cref="FaultHandler"/> and given call settings.</summary>
internal sealed class ResilientGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResilientGateway(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; } = new();

    public SubgraphCallMonitor Monitor => _app.Services.GetRequiredService<SubgraphCallMonitor>();

    public static async Task<ResilientGateway> StartAsync(string supergraph, IReadOnlyDictionary<string, string> subgraphUrls, FaultHandler? handler, SubgraphCallOptions calls)
    {
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = supergraph,
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = subgraphUrls,
            SubgraphHandler = handler,
            SubgraphCalls = calls,
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new ResilientGateway(app, new Uri(address + "/"));
    }

    /// <summary>The demo supergraph over the test deployment's subgraphs, with some subgraphs' URLs replaced.</summary>
    public static Task<ResilientGateway> StartDemoAsync(GatewayEnvironment environment, FaultHandler handler, SubgraphCallOptions calls, IReadOnlyDictionary<string, string>? replacedUrls = null)
    {
        var urls = environment.SubgraphUrls.ToDictionary(u => u.Key, u => replacedUrls is not null && replacedUrls.TryGetValue(u.Key, out var url) ? url : u.Value);
        return StartAsync(DemoSupergraph.Load(), urls, handler, calls);
    }

    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, new Uri(BaseUrl, "graphql"), new { query, variables }).ConfigureAwait(false);
        Assert.Equal(200, exchange.Status);
        return exchange.Body;
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(BaseUrl, path)).ConfigureAwait(false);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Children of the sample data linked to all four agencies.</summary>
    public static List<string> ChildrenLinkedEverywhere(GatewayEnvironment environment, int count)
    {
        using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id HAVING COUNT(DISTINCT source_system) = 4 ORDER BY child_id LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
