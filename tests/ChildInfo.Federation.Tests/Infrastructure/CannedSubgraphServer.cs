using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// Serves the conformance corpus's canned subgraphs over HTTP on loopback, at <c>/{feature}/{subgraph}</c>, so that a
/// gateway in another process (Apollo Gateway) calls the very same subgraphs as the engine does in-process. The
/// <c>$counter</c> of the canned data counts per <c>x-request-id</c> header, as the engine's counts per request.
/// </summary>
internal sealed class CannedSubgraphServer : IAsyncDisposable
{
    private static readonly AsyncLocal<string?> CurrentRequest = new();
    private readonly ConcurrentDictionary<string, StrongBox<int>> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CannedSubgraph> _subgraphs = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private CannedSubgraphServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address: a subgraph is at <c>{BaseUrl}{feature}/{subgraph}</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<CannedSubgraphServer> StartAsync(IEnumerable<string> features)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = new CannedSubgraphServer(builder.Build());
        foreach (var feature in features)
        {
            foreach (var subgraph in ConformanceCase.CannedSubgraphs(feature, server.Count))
            {
                server._subgraphs[feature + "/" + subgraph.Name] = subgraph;
            }
        }

        server._app.MapPost("/{feature}/{subgraph}", server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = address.TrimEnd('/') + "/";
        return server;
    }

    private async Task HandleAsync(HttpContext context, string feature, string subgraph)
    {
        if (!_subgraphs.TryGetValue(feature + "/" + subgraph, out var canned))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        CurrentRequest.Value = context.Request.Headers["x-request-id"].ToString();
        var response = await canned.ExecuteAsync(body.ToArray(), context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    private int Count()
    {
        var counter = _counters.GetOrAdd(CurrentRequest.Value ?? string.Empty, _ => new StrongBox<int>());
        return Interlocked.Increment(ref counter.Value);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
