using System.Text;
using ChildInfo.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// A subgraph that answers without end, or declares an answer larger than the gateway reads: the gateway stops
/// reading at its bound, answers the client with that subgraph's part failed, and the subgraph sees its connection
/// dropped rather than the gateway parsing on.
/// </summary>
public sealed class OversizedAnswerTests
{
    private const long Bound = 64 * 1024;

    [Fact]
    public async Task AnswerWithoutEnd_ReadUpToTheBound_ThenTheSubgraphsPartFails()
    {
        var written = new Written();
        await using var subgraph = await EndlessSubgraphAsync(written);
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(LoopbackSubgraph.UrlOf(subgraph)), new Dictionary<string, string>(), new FaultHandler(),
            new SubgraphCallOptions { MaxAnswerBytes = Bound });

        var body = await gateway.QueryAsync("{ ping }");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Contains("more than 65,536 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("SUBREQUEST_HTTP_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").GetProperty("ping").ValueKind);
        // The gateway let go of the connection: the subgraph sees it aborted rather than writing to its own end. (How
        // much it counts is no measure of what crossed: after an abort its writes succeed unsent until it notices;
        // what the gateway reads is bounded in HttpSubgraphTransportTests.)
        Assert.True(await written.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the subgraph kept writing to the end");
    }

    [Fact]
    public async Task DeclaredLengthOverTheBound_RefusedBeforeReading()
    {
        await using var gateway = await AnsweringAsync(Encoding.UTF8.GetBytes("{\"data\":{\"ping\":\"" + new string('a', (int)Bound) + "\"}}"), Bound);

        var body = await gateway.QueryAsync("{ ping }");

        Assert.Contains("more than 65,536 bytes", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerWithinTheBound_Answered()
    {
        // A string just short of the bound, so the whole answer is a few bytes under it.
        var ping = new string('a', (int)Bound - 64);
        await using var gateway = await AnsweringAsync(Encoding.UTF8.GetBytes("{\"data\":{\"ping\":\"" + ping + "\"}}"), Bound);

        var body = await gateway.QueryAsync("{ ping }");

        Assert.False(body.TryGetProperty("errors", out _));
        Assert.Equal(ping, body.GetProperty("data").GetProperty("ping").GetString());
    }

    [Theory]
    [InlineData("lone surrogate escape")]
    [InlineData("invalid UTF-8")]
    public async Task AnswerWithMalformedText_ThatSubgraphsPartFails_TheRequestIsAnswered(string kind)
    {
        byte[] body = kind == "invalid UTF-8"
            ? [.. "{\"data\":{\"ping\":\"a"u8, 0xC3, 0x28, .. "\"}}"u8]
            : "{\"data\":{\"ping\":\"a\\ud800\"}}"u8.ToArray();
        await using var gateway = await AnsweringAsync(body, new SubgraphCallOptions().MaxAnswerBytes);

        // QueryAsync asserts HTTP 200: before the check, writing the answer threw and the client got a 500.
        var answer = await gateway.QueryAsync("{ ping }");

        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("data").GetProperty("ping").ValueKind);
    }

    [Fact]
    public async Task SdlFetchFromASubgraphAnsweringWithoutEnd_RefusedAtTheDefaultBound()
    {
        var written = new Written();
        await using var subgraph = await EndlessSubgraphAsync(written);
        using var client = new HttpClient();

        var error = await Assert.ThrowsAsync<ChildInfo.Gateway.Registry.SubgraphSdlException>(() =>
            ChildInfo.Gateway.Registry.SubgraphSdlFetcher.FetchAsync(client, LoopbackSubgraph.UrlOf(subgraph), TestContext.Current.CancellationToken));

        Assert.Contains("longer than 16,777,216 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(await written.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the subgraph kept writing to the end");
    }

    [Fact]
    public async Task ProbeOfASubgraphAnsweringWithoutEnd_ReadsTheStatusOnly()
    {
        var written = new Written();
        await using var subgraph = await EndlessSubgraphAsync(written);
        using var client = new HttpClient();

        Assert.True(await ChildInfo.Gateway.Registry.SubgraphProbe.AnswersAsync(client, LoopbackSubgraph.UrlOf(subgraph), TestContext.Current.CancellationToken));

        // The probe let go at the status line and the subgraph sees its connection aborted (the probe used to read the
        // body whole, up to the client's 2 GB default, for as long as its two seconds allowed).
        Assert.True(await written.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the subgraph kept writing to the end");
    }

    /// <summary>A gateway whose notes subgraph answers every call with <paramref name="body"/> (with its length), reading at most <paramref name="maxAnswerBytes"/>.</summary>
    private static Task<ResilientGateway> AnsweringAsync(byte[] body, long maxAnswerBytes) =>
        ResilientGateway.StartAsync(NotesSubgraph.Supergraph("http://notes.test/graphql"), new Dictionary<string, string>(),
            new FaultHandler
            {
                Answer = request => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } },
                    RequestMessage = request,
                },
            },
            new SubgraphCallOptions { MaxAnswerBytes = maxAnswerBytes });

    private sealed class Written
    {
        public long Bytes;

        public TaskCompletionSource<bool> Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A subgraph whose answer to anything is a JSON string that goes on (chunked, no length) until its connection drops.</summary>
    private static Task<WebApplication> EndlessSubgraphAsync(Written written) =>
        LoopbackSubgraph.StartAsync(async (HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            var chunk = Encoding.ASCII.GetBytes(new string('a', 16 * 1024));
            try
            {
                await http.Response.Body.WriteAsync("{\"data\":{\"ping\":\""u8.ToArray(), http.RequestAborted);
                // Far beyond anything read: writes after an abort succeed unsent until it is noticed, and count here.
                while (written.Bytes < 64L * 1024 * 1024 * 1024)
                {
                    await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                    written.Bytes += chunk.Length;
                }

                written.Stopped.TrySetResult(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                written.Stopped.TrySetResult(true);
            }
        });
}
