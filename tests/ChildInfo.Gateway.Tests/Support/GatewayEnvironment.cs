using System.Net.Http.Headers;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.SampleData.Generation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(ChildInfo.Gateway.Tests.Support.GatewayEnvironment))]

namespace ChildInfo.Gateway.Tests.Support;

/// <summary>
/// One real deployment for the test assembly: sample data for a few hundred children generated into a temp folder,
/// the five sample subgraphs on free loopback ports over it, and the gateway on a free port serving the stored demo
/// supergraph with the subgraphs' actual URLs.
/// </summary>
public sealed class GatewayEnvironment : IAsyncLifetime
{
    public const int Children = 300;
    public const int Seed = 7;

    private DemoSubgraphs? _subgraphs;
    private WebApplication? _gateway;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("childinfo-gateway-tests-").FullName;

    /// <summary>Agencies whose sample data the generator writes in this build.</summary>
    public IReadOnlyList<string> GeneratedAgencies { get; private set; } = [];

    public IReadOnlyDictionary<string, string> SubgraphUrls => _subgraphs!.Urls;

    /// <summary>The gateway's GraphQL endpoint, for example <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public Uri GraphQLUrl { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var generator = new SampleDataGenerator();
        GeneratedAgencies = generator.AvailableAgencies;
        await generator.GenerateAsync(new SampleDataOptions { Children = Children, Seed = Seed, OutputDirectory = DataDirectory, ChunkSize = 100 }).ConfigureAwait(false);
        _subgraphs = await DemoSubgraphs.StartAsync(DataDirectory, preferredPorts: false, CancellationToken.None).ConfigureAwait(false);
        (_gateway, GraphQLUrl) = await StartGatewayAsync(_subgraphs.Urls).ConfigureAwait(false);
        Client.BaseAddress = new Uri(GraphQLUrl, "/");
    }

    /// <summary>Another gateway over the same subgraphs, with services replaced (for example the authoriser).</summary>
    public async Task<(WebApplication App, Uri GraphQLUrl)> StartGatewayAsync(IReadOnlyDictionary<string, string> subgraphUrls, Action<IServiceCollection>? configureServices = null)
    {
        var app = GatewayHost.Create(
            new GatewayHostOptions { SupergraphSdl = DemoSupergraph.Load(), Urls = "http://127.0.0.1:0", SubgraphUrls = subgraphUrls },
            configureServices);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return (app, new Uri(address + "/graphql"));
    }

    public Task<(WebApplication App, Uri GraphQLUrl)> StartGatewayAsync(IOperationAuthoriser authoriser) =>
        StartGatewayAsync(SubgraphUrls, services => services.AddSingleton(authoriser));

    /// <summary>A child-index SQLite connection string over the generated data.</summary>
    public string ChildIndexConnectionString => $"Data Source={Path.Combine(DataDirectory, "child-index.db")};Mode=ReadOnly";

    public static MediaTypeWithQualityHeaderValue GraphQLResponseJson { get; } = new("application/graphql-response+json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync().ConfigureAwait(false);
            await _gateway.DisposeAsync().ConfigureAwait(false);
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the system.
        }
    }
}
