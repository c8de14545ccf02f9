using ChildInfo.Gateway.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// A subgraph that answers a call with a redirect does not get the gateway to call elsewhere: the call, its body and
/// its signed context go to the subgraph's registered address only, and the redirect counts as a failed call.
/// </summary>
public sealed class SubgraphRedirectTests
{
    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task SubgraphAnsweringWithARedirect_NotFollowed(int status)
    {
        var elsewhere = 0;
        await using var target = await LoopbackSubgraph.StartAsync((HttpContext _) =>
        {
            Interlocked.Increment(ref elsewhere);
            return Results.Json(new { data = new { ping = "from elsewhere" } });
        });
        var targetUrl = LoopbackSubgraph.UrlOf(target);
        await using var redirecting = await LoopbackSubgraph.StartAsync((HttpContext http) =>
        {
            http.Response.Headers.Location = targetUrl;
            return Results.StatusCode(status);
        });
        // The host's own subgraph handler (none given), as production builds it.
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(LoopbackSubgraph.UrlOf(redirecting)), new Dictionary<string, string>(), null, new SubgraphCallOptions());

        var body = await gateway.QueryAsync("{ ping }");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("SUBREQUEST_HTTP_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"HTTP {status}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").GetProperty("ping").ValueKind);
        Assert.Equal(0, elsewhere);
    }
}
