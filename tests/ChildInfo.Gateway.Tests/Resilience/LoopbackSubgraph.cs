using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>A real Kestrel server on a free loopback port answering <c>POST /graphql</c> as a test says: a subgraph that misbehaves on the wire.</summary>
internal static class LoopbackSubgraph
{
    public static async Task<WebApplication> StartAsync(Delegate answer, HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        var app = builder.Build();
        app.MapPost("/graphql", answer);
        await app.StartAsync();
        return app;
    }

    /// <summary>The address of its <c>/graphql</c>.</summary>
    public static string UrlOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
}
