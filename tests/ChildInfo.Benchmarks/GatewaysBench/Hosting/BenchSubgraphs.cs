using ChildInfo.GatewaysBench.Accounts;
using ChildInfo.GatewaysBench.Inventory;
using ChildInfo.GatewaysBench.Products;
using ChildInfo.GatewaysBench.Reviews;
using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChildInfo.GatewaysBench.Hosting;

/// <summary>
/// The four benchmark subgraphs running, each its own Kestrel server on its own port in this process:
/// <c>POST /graphql</c>, <c>GET /calls</c> (calls so far, as JSON) and <c>GET /health</c>.
/// </summary>
public sealed class BenchSubgraphs : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;
    private readonly Dictionary<string, SubgraphEndpoint> _endpoints;

    private BenchSubgraphs(List<WebApplication> apps, Dictionary<string, SubgraphEndpoint> endpoints, Dictionary<string, string> urls)
    {
        _apps = apps;
        _endpoints = endpoints;
        Urls = urls;
    }

    /// <summary>Each subgraph's GraphQL URL by name.</summary>
    public IReadOnlyDictionary<string, string> Urls { get; }

    /// <summary>Calls each subgraph has had so far, by name.</summary>
    public IReadOnlyDictionary<string, long> Calls => _endpoints.ToDictionary(e => e.Key, e => e.Value.Calls);

    /// <summary>Distinct request bodies each subgraph remembers for replay, by name (none without replay).</summary>
    public IReadOnlyDictionary<string, int> Remembered => _endpoints.ToDictionary(e => e.Key, e => e.Value.RememberedAnswers);

    public static async Task<BenchSubgraphs> StartAsync(BenchSubgraphsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apps = new List<WebApplication>();
        var endpoints = new Dictionary<string, SubgraphEndpoint>();
        var urls = new Dictionary<string, string>();
        try
        {
            for (var i = 0; i < BenchSubgraph.All.Count; i++)
            {
                var name = BenchSubgraph.All[i];
                var endpoint = new SubgraphEndpoint(name, options.Replay);
                var app = Build(name, endpoint, $"http://{options.Host}:{(options.FirstPort == 0 ? 0 : options.FirstPort + i)}");
                apps.Add(app);
                await app.StartAsync().ConfigureAwait(false);
                endpoints[name] = endpoint;
                urls[name] = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
            }
        }
        catch
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new BenchSubgraphs(apps, endpoints, urls);
    }

    private static WebApplication Build(string name, SubgraphEndpoint endpoint, string url)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(BenchSubgraphs).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddGraphQL(b =>
        {
            b.AddSystemTextJson();
            b.AddFederation("2.3");
            b.AddGraphTypes(typeof(BenchSubgraphs).Assembly);
            AddSchema(b, name);
        });
        var app = builder.Build();
        app.MapPost("/graphql", endpoint.HandleAsync);
        app.MapGet("/calls", () => Microsoft.AspNetCore.Http.Results.Json(new { subgraph = name, calls = endpoint.Calls, remembered = endpoint.RememberedAnswers }));
        app.MapGet("/health", () => Microsoft.AspNetCore.Http.Results.Json(new { status = "ok", subgraph = name, replay = endpoint.Replay }));
        return app;
    }

    private static void AddSchema(IGraphQLBuilder builder, string name)
    {
        switch (name)
        {
            case BenchSubgraph.Accounts:
                builder.AddSchema<AccountsSchema>();
                break;
            case BenchSubgraph.Inventory:
                builder.AddSchema<InventorySchema>();
                break;
            case BenchSubgraph.Products:
                builder.AddSchema<ProductsSchema>();
                break;
            case BenchSubgraph.Reviews:
                builder.AddSchema<ReviewsSchema>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a benchmark subgraph.");
        }
    }

    /// <summary>Completes when any of the subgraphs' hosts is told to stop (SIGTERM, Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => Task.WhenAny(_apps.Select(app => app.WaitForShutdownAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
