using System.Net;
using System.Text;
using System.Text.Json;
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

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task SendAsync_AnswerOfTheBoundIsRead_OneByteMoreIsRefused(int over, bool read)
    {
        const int bound = 4096;
        var json = """{"data":{"x":1}}""";
        // Padded with spaces (still JSON) to the bound, or a byte over; sent without a length, so it is counted as read.
        var answer = Encoding.UTF8.GetBytes(json + new string(' ', bound - json.Length + over));
        using var client = new HttpClient(new StreamHandler(() => new MemoryStream(answer)));
        var transport = new HttpSubgraphTransport(client, null, bound);
        var call = () => transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token);

        if (read)
        {
            using var response = await call();
            Assert.Equal(1, response.Document.RootElement.GetProperty("data").GetProperty("x").GetInt32());
        }
        else
        {
            var error = await Assert.ThrowsAsync<SubgraphRequestException>(call);
            Assert.Equal("Subgraph 'a' answered with more than 4,096 bytes, more than the gateway reads.", error.Message);
        }
    }

    [Fact]
    public async Task SendAsync_AnswerWithoutEnd_StopsReadingAtTheBound()
    {
        var endless = new EndlessStream();
        using var client = new HttpClient(new StreamHandler(() => endless));
        var transport = new HttpSubgraphTransport(client, null, 100_000);

        await Assert.ThrowsAsync<SubgraphRequestException>(() =>
            transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token));

        Assert.InRange(endless.Served, 100_000, 100_001);
    }

    [Fact]
    public async Task SendAsync_LongAnswerOfADeclaredLength_IsParsedWhole()
    {
        // Long enough that a buffer grown from 4 KB would have been read in pieces.
        var json = """{"data":{"x":[""" + string.Join(',', Enumerable.Range(0, 20_000)) + "]}}";
        var answer = Encoding.UTF8.GetBytes(json);
        using var client = new HttpClient(new StreamHandler(() => new MemoryStream(answer), answer.Length));
        var transport = new HttpSubgraphTransport(client);

        using var response = await transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token);

        var items = response.Document.RootElement.GetProperty("data").GetProperty("x");
        Assert.Equal(20_000, items.GetArrayLength());
        Assert.Equal(19_999, items[19_999].GetInt32());
    }

    [Theory]
    [InlineData("""{"data":{"x":[1,2,3""", 100)]
    [InlineData("", 0)]
    public async Task SendAsync_AnswerEndingBeforeItsDeclaredLength_OrEmpty_IsInvalidJson(string body, int missing)
    {
        var answer = Encoding.UTF8.GetBytes(body);
        using var client = new HttpClient(new StreamHandler(() => new MemoryStream(answer), answer.Length + missing));
        var transport = new HttpSubgraphTransport(client);

        var error = await Assert.ThrowsAsync<SubgraphRequestException>(() =>
            transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token));

        Assert.Equal("Subgraph 'a' answered with invalid JSON, or JSON nested more than 256 levels deep.", error.Message);
    }

    [Theory]
    [InlineData(100, true, true)]
    [InlineData(100, false, true)]
    [InlineData(300, true, false)]
    [InlineData(300, false, false)]
    public async Task SendAsync_DeeplyNestedAnswer_ReadUpToItsBound(int depth, bool declared, bool read)
    {
        // As an answer to a legal operation 32 fields deep can nest (objects in lists), and far past it.
        var json = """{"data":""" + string.Concat(Enumerable.Repeat("""[{"a":""", depth / 2)) + "1" + string.Concat(Enumerable.Repeat("}]", depth / 2)) + "}";
        var answer = Encoding.UTF8.GetBytes(json);
        using var client = new HttpClient(new StreamHandler(() => new MemoryStream(answer), declared ? answer.Length : null));
        var transport = new HttpSubgraphTransport(client);
        var call = () => transport.SendAsync(new SubgraphRequest(new SubgraphInfo("a", "A", "http://a.test/graphql"), "{}"u8.ToArray(), null), Token);

        if (read)
        {
            using var response = await call();
            Assert.Equal(JsonValueKind.Array, response.Document.RootElement.GetProperty("data").ValueKind);
        }
        else
        {
            var error = await Assert.ThrowsAsync<SubgraphRequestException>(call);
            Assert.Equal("Subgraph 'a' answered with invalid JSON, or JSON nested more than 256 levels deep.", error.Message);
        }
    }

    [Fact]
    public async Task DeepestAcceptedQueryOverListsOfLists_IsAnswered()
    {
        var fixture = SupergraphLoaderTests.Fixture;
        var supergraph = fixture[..fixture.IndexOf("scalar Date", StringComparison.Ordinal)] + """
            scalar join__FieldSet
            scalar link__Import
            enum link__Purpose { SECURITY EXECUTION }
            enum join__Graph { A @join__graph(name: "a", url: "http://a.test/graphql") }
            type Query @join__type(graph: A) { tree: Node @join__field(graph: A) }
            type Node @join__type(graph: A) { n: Int @join__field(graph: A) rows: [[Node]] @join__field(graph: A) }
            """;
        static string Query(int levels) => "{ tree { " + string.Concat(Enumerable.Repeat("rows { ", levels)) + "n" + new string('}', levels + 2);
        static string Node(int levels) => levels == 0 ? """{"n":1}""" : """{"rows":[[""" + Node(levels - 1) + "]]}";
        using var unused = new HttpClient(new StubHandler(HttpStatusCode.OK, "{}", "application/json"));
        var probe = FederationEngine.Create(supergraph, new HttpSubgraphTransport(unused));
        var levels = 0;
        while ((await probe.PrepareAsync(new GatewayRequest(Query(levels + 1)), null, Token)).Succeeded)
        {
            levels++;
        }

        // The deepest query the engine accepts: its answer nests three JSON levels a field, past the parser's default 64.
        var answer = """{"data":{"tree":""" + Node(levels) + "}}";
        Assert.True(3 * levels + 3 > 64, $"{levels} levels");
        using var client = new HttpClient(new StubHandler(HttpStatusCode.OK, answer, "application/json"));
        var gateway = FederationEngine.Create(supergraph, new HttpSubgraphTransport(client));

        var result = await gateway.ExecuteAsync(new GatewayRequest(Query(levels)), null, Token);

        Assert.Empty(result.Errors);
        Assert.Equal(answer, result.ToJson());
    }

    /// <summary>Answers with a stream, without a declared length (as a chunked answer arrives) unless one is given.</summary>
    private sealed class StreamHandler(Func<Stream> body, long? declared = null) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = declared;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary><c>[1,1,1,...</c> for ever, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = Served + i == 0 ? (byte)'[' : (Served + i) % 2 == 1 ? (byte)'1' : (byte)',';
            }

            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
