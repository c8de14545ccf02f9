using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A small third-party federation subgraph for registry tests, on a free loopback port: it answers
/// <c>_service { sdl }</c> with <see cref="Sdl"/> and <c>registryProbe</c> with its <see cref="Version"/>, so a
/// response shows which subgraph (and so which registry revision) served it.
/// </summary>
internal sealed class ProbeSubgraph : IAsyncDisposable
{
    public const string Classifications = """
        classifications:
          Query.registryProbe: [reference]
          RegistryProbe.version: [reference]
        """;

    private readonly WebApplication _app;
    private readonly Counter _sdlRequests;

    private ProbeSubgraph(WebApplication app, string sdl, string version, string url, Counter sdlRequests)
    {
        _app = app;
        _sdlRequests = sdlRequests;
        Sdl = sdl;
        Version = version;
        Url = url;
    }

    public string Sdl { get; }

    public string Version { get; }

    public string Url { get; }

    /// <summary>How many times its SDL was asked for: a registry change refused before fetching leaves it at 0.</summary>
    public int SdlRequests => _sdlRequests.Value;

    public static string SdlWith(string fields, string rootField = "registryProbe") => $$"""
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query { {{rootField}}: RegistryProbe }
        type RegistryProbe { {{fields}} }
        """;

    public static Task<ProbeSubgraph> StartAsync(string version) => StartAsync(version, SdlWith("version: String!"));

    public static async Task<ProbeSubgraph> StartAsync(string version, string sdl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sdlRequests = new Counter();
        app.MapPost("/graphql", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body).ConfigureAwait(false);
            var query = body.RootElement.GetProperty("query").GetString() ?? "";
            if (query.Contains("_service", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref sdlRequests.Value);
            }

            object data = query.Contains("_service", StringComparison.Ordinal) ? new { _service = new { sdl } }
                : query.Contains("registryProbe", StringComparison.Ordinal) ? new { registryProbe = new { version } }
                : new { __typename = "Query" };
            await http.Response.WriteAsJsonAsync(new { data }).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new ProbeSubgraph(app, sdl, version, address + "/graphql", sdlRequests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Counter
    {
        public int Value;
    }
}
