using System.Net;
using System.Text;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Tests.Supergraph;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Tests.Execution;

public sealed class HttpSubgraphTransportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_PostsJsonToTheSubgraphUrl()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"data":{"x":1}}""", "application/json");
        using var client = new HttpClient(handler);
        var transport = new HttpSubgraphTransport(client, (message, _) => message.Headers.Add("X-Test", "yes"));
        var body = Encoding.UTF8.GetBytes("""{"query":"{x}"}""");

        using var response = await transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), body, null), Token);

        Assert.Equal(1, response.Document.RootElement.GetProperty("data").GetProperty("x").GetInt32());
        Assert.Equal(HttpMethod.Post, handler.Method);
        Assert.Equal("http://a.test/graphql", handler.Uri!.ToString());
        Assert.Equal("application/json", handler.ContentType);
        Assert.Equal("""{"query":"{x}"}""", handler.Body);
        Assert.True(handler.HadTestHeader);
    }

    [Fact]
    public async Task SendAsync_ServerError_Throws()
    {
        using var client = new HttpClient(new StubHandler(HttpStatusCode.InternalServerError, "oops", "text/plain"));
        var transport = new HttpSubgraphTransport(client);

        var error = await Assert.ThrowsAsync<SubgraphRequestException>(() =>
            transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token));
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task Gateway_OverHttpWithFailingSubgraph_ReturnsPartialDataWithError()
    {
        using var client = new HttpClient(new StubHandler(HttpStatusCode.BadGateway, "down", "text/plain"));
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new HttpSubgraphTransport(client));

        var result = await gateway.ExecuteAsync(new GatewayRequest("{ onDay(day: \"2024-01-01\") }"), null, Token);

        Assert.False(result.IsRequestError);
        Assert.Equal(ErrorCodes.SubgraphRequestFailed, Assert.Single(result.Errors).Code);
        Assert.Equal("""{"errors":[{"message":"Request to subgraph \u0027a\u0027 failed: Subgraph \u0027a\u0027 answered HTTP 502.","path":["onDay"],"extensions":{"code":"SUBREQUEST_HTTP_ERROR","serviceName":"a"}}],"data":{"onDay":null}}""", result.ToJson());
    }

    private sealed class StubHandler(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public string? ContentType { get; private set; }

        public string? Body { get; private set; }

        public bool HadTestHeader { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Uri = request.RequestUri;
            ContentType = request.Content!.Headers.ContentType!.MediaType;
            Body = await request.Content.ReadAsStringAsync(cancellationToken);
            HadTestHeader = request.Headers.Contains("X-Test");
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        }
    }
}
