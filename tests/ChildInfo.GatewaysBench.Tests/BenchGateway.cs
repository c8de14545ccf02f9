using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Registry;
using ChildInfo.GatewaysBench.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.GatewaysBench.Tests;

/// <summary>
/// The gateway over the four benchmark subgraphs, as gateways/run.sh runs it: the supergraph composed from the running
/// subgraphs, the benchmark's permit-all policy set, a development token for its one role, no audit log.
/// </summary>
public sealed class BenchGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();
    private readonly string _token;

    private BenchGateway(WebApplication app, string supergraph, string url, string token)
    {
        _app = app;
        Supergraph = supergraph;
        Url = url;
        _token = token;
    }

    public string Supergraph { get; }

    public string Url { get; }

    public static async Task<BenchGateway> StartAsync(BenchSubgraphs subgraphs)
    {
        var supergraph = await ComposeAsync(subgraphs);
        var identityKey = RandomNumberGenerator.GetBytes(32);
        var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = supergraph,
            Urls = "http://127.0.0.1:0",
            Security = new GatewaySecurityOptions
            {
                Identity = DevelopmentIdentity.Options(identityKey),
                PolicyDirectory = Path.Combine(AppContext.BaseDirectory, "policies"),
                ContextSigningKey = RandomNumberGenerator.GetBytes(32),
            },
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
        var token = DevelopmentIdentity.CreateToken(identityKey, new DevelopmentTokenRequest("benchmark_client", "gateways.bench"), DateTimeOffset.UtcNow);
        return new BenchGateway(app, supergraph, url, token);
    }

    /// <summary>Composes the subgraphs as <c>childinfo compose</c> does (run.sh's supergraph).</summary>
    public static async Task<string> ComposeAsync(BenchSubgraphs subgraphs)
    {
        using var client = new HttpClient();
        var sdls = new List<SubgraphSdl>();
        foreach (var name in BenchSubgraph.All)
        {
            sdls.Add(new SubgraphSdl(name, subgraphs.Urls[name], await SubgraphSdlFetcher.FetchAsync(client, subgraphs.Urls[name], CancellationToken.None)));
        }

        var result = SupergraphComposer.Compose(sdls);
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Code} {e.Coordinate}: {e.Message}")));
        return result.Supergraph!;
    }

    /// <summary>Posts <paramref name="query"/> as wrk does in run.sh; the answer must be 200 and JSON.</summary>
    public Task<JsonObject> AskAsync(string query) => PostAsync(_client, Url, query, _token);

    public static async Task<JsonObject> PostAsync(HttpClient client, string url, string query, string? token = null, JsonNode? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("ChildInfo-Purpose", "benchmark");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
