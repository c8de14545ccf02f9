using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.EarlyYears;
using ChildInfo.Subgraphs.Education;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.SocialCare;
using ChildInfo.Subgraphs.VoluntarySector;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// The five sample subgraphs running in-process over the demo's SQLite files, each on its usual port (4001–4005)
/// or on a free one when that is taken.
/// </summary>
public sealed class DemoSubgraphs : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;

    private DemoSubgraphs(List<WebApplication> apps, IReadOnlyDictionary<string, string> urls)
    {
        _apps = apps;
        Urls = urls;
    }

    /// <summary>The sample subgraphs, in the order of their ports.</summary>
    public static IReadOnlyList<SubgraphDefinition> Definitions() =>
    [
        new ChildIndexSubgraph(),
        new EducationSubgraph(),
        new EarlyYearsSubgraph(),
        new SocialCareSubgraph(),
        new VoluntarySectorSubgraph(),
    ];

    /// <summary>GraphQL endpoint URL by subgraph name.</summary>
    public IReadOnlyDictionary<string, string> Urls { get; }

    /// <summary>Starts every sample subgraph over <c>&lt;dataDirectory&gt;/&lt;name&gt;.db</c>.</summary>
    /// <param name="preferredPorts">False takes free ports straight away (tests).</param>
    public static Task<DemoSubgraphs> StartAsync(string dataDirectory, bool preferredPorts, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, preferredPorts, contextKey: null, cancellationToken);

    /// <summary>
    /// Starts every sample subgraph over <c>&lt;dataDirectory&gt;/&lt;name&gt;.db</c>; with <paramref name="contextKey"/>
    /// each refuses calls without a request context signed with it (the gateway's <c>ContextSigningKey</c>).
    /// </summary>
    /// <param name="preferredPorts">False takes free ports straight away (tests).</param>
    public static Task<DemoSubgraphs> StartAsync(string dataDirectory, bool preferredPorts, byte[]? contextKey, CancellationToken cancellationToken) =>
        StartAsync(name => DatabaseOptions.SqliteFile(Path.Combine(dataDirectory, name + ".db")), preferredPorts, contextKey, cancellationToken);

    /// <summary>
    /// Starts every sample subgraph over the database <paramref name="databaseFor"/> gives for its name (a folder of
    /// SQLite files, or PostgreSQL databases the generator filled); with <paramref name="contextKey"/> each refuses
    /// calls without a request context signed with it.
    /// </summary>
    /// <param name="preferredPorts">False takes free ports straight away (tests).</param>
    public static async Task<DemoSubgraphs> StartAsync(Func<string, DatabaseOptions> databaseFor, bool preferredPorts, byte[]? contextKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databaseFor);
        var definitions = Definitions();
        var started = await Task.WhenAll(definitions.Select(d => StartOneAsync(d, databaseFor(d.Name), preferredPorts, contextKey, cancellationToken))).ConfigureAwait(false);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            urls[definitions[i].Name] = started[i].Url;
        }

        return new DemoSubgraphs([.. started.Select(s => s.App)], urls);
    }

    private static async Task<(WebApplication App, string Url)> StartOneAsync(SubgraphDefinition definition, DatabaseOptions database, bool preferredPort, byte[]? contextKey, CancellationToken cancellationToken)
    {
        if (preferredPort)
        {
            var app = await SubgraphHost.CreateAsync(definition, new SubgraphHostOptions { Url = $"http://127.0.0.1:{definition.DefaultPort}", Database = database, ContextKey = contextKey }).ConfigureAwait(false);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                return (app, GraphQLUrl(app));
            }
            catch (IOException)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }

        var fallback = await SubgraphHost.CreateAsync(definition, new SubgraphHostOptions { Url = "http://127.0.0.1:0", Database = database, ContextKey = contextKey }).ConfigureAwait(false);
        await fallback.StartAsync(cancellationToken).ConfigureAwait(false);
        return (fallback, GraphQLUrl(fallback));
    }

    private static string GraphQLUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
