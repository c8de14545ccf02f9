using System.Text;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Text that is not well-formed Unicode is refused with 400 before anything runs: invalid UTF-8 in the body, a lone
/// surrogate escape (<c>"\ud800"</c>) anywhere in it, and a GET query string with a malformed percent-escape or
/// invalid UTF-8. Each once reached the engine or the audit (500, or 503 when the audit could not store a child id).
/// </summary>
public sealed class MalformedTextTests(SecuredGatewayFixture fixture) : IClassFixture<SecuredGatewayFixture>
{
    private const string NotWellFormed = "not well-formed Unicode";

    /// <summary>Bodies as raw bytes: each char of the string is one byte, so "\u00c3(" is the invalid UTF-8 pair C3 28.</summary>
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "invalid UTF-8 in a variable", "{\"query\":\"query($s: String) { __typename }\",\"variables\":{\"s\":\"Zo\u00c3(\"}}" },
        { "invalid UTF-8 in the query", "{\"query\":\"{ __typename } # \u00ff\"}" },
        { "invalid UTF-8 in a variable's name", "{\"query\":\"{ __typename }\",\"variables\":{\"\u00c3(\":1}}" },
        { "truncated UTF-8 sequence", "{\"query\":\"{ __typename }\",\"variables\":{\"s\":\"\u00e2\u0080\"}}" },
        { "UTF-8 encoded surrogate", "{\"query\":\"{ __typename }\",\"variables\":{\"s\":\"\u00ed\u00a0\u0080\"}}" },
        { "lone high surrogate in a variable", "{\"query\":\"query($s: String) { __typename }\",\"variables\":{\"s\":\"\\ud800\"}}" },
        { "lone low surrogate in a nested variable", "{\"query\":\"{ __typename }\",\"variables\":{\"a\":[{\"b\":\"x\\udc00y\"}]}}" },
        { "reversed surrogate pair", "{\"query\":\"{ __typename }\",\"variables\":{\"s\":\"\\ude00\\ud83d\"}}" },
        { "lone surrogate in the query", "{\"query\":\"{ __typename } # \\ud800\"}" },
        { "lone surrogate in the operation name", "{\"query\":\"query Q { __typename }\",\"operationName\":\"Q\\ud800\"}" },
        { "lone surrogate in extensions", "{\"query\":\"{ __typename }\",\"extensions\":{\"trace\":\"\\ud800\"}}" },
        { "lone surrogate in a property name", "{\"query\":\"{ __typename }\",\"variables\":{\"\\ud800\":1}}" },
        { "lone surrogate in a property name, twice", "{\"query\":\"{ __typename }\",\"variables\":{\"\\ud800\":1,\"\\ud800\":2}}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedText_400BeforeAnythingRuns(string what, string rawBody)
    {
        var calls = fixture.Recorder.Calls.Count;

        var exchange = await PostRawAsync(Encoding.Latin1.GetBytes(rawBody));

        Assert.True(exchange.Status == 400, $"{what}: HTTP {exchange.Status} {exchange.Body.GetRawText()}");
        Assert.Equal("BAD_REQUEST", exchange.FirstErrorCode);
        Assert.Contains(NotWellFormed, exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(calls, fixture.Recorder.Calls.Count);
    }

    [Fact]
    public async Task Post_LoneSurrogateInAChildId_400_AndAudited()
    {
                var body = "{\"query\":\"query($id: ID!) { child(id: $id) { id forename } }\",\"variables\":{\"id\":\"CH-\\udc00\"},"
            + "\"extensions\":{\"purpose\":\"child_protection\",\"justification\":\"case 1\"}}";

        var recorded = (await fixture.AuditRecordsAsync()).Count;

        var exchange = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal((400, "BAD_REQUEST"), (exchange.Status, exchange.FirstErrorCode));
        Assert.Contains(NotWellFormed, exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        // The refusal is recorded like any other (no 503 from an audit store choking on the text), naming no child.
        var added = Assert.Single((await fixture.AuditRecordsAsync()).Skip(recorded));
        Assert.Empty(added.ChildIds);
    }

    [Fact]
    public async Task Post_SurrogatePairAndNonAsciiText_AreNotRefused()
    {
        var exchange = await fixture.PostAsync(new
        {
            query = "query($s: ID!) { child(id: $s) { id } }",
            variables = new { s = "Zoë \ud83d\ude00 ŵyr £" },
            extensions = new { purpose = "child_protection", justification = "case 1" },
        });

        Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
    }

    public static TheoryData<string, string> MalformedQueryStrings => new()
    {
        { "malformed escape", "query=%7B__typename%7D%ZZ" },
        { "truncated escape", "query=%7B__typename%7D%7" },
        { "invalid UTF-8", "query=%7B__typename%7D%23%C3%28" },
        { "UTF-8 encoded surrogate", "query=%7B__typename%7D%23%ED%A0%80" },
        { "lone surrogate escape in variables", "query=%7B__typename%7D&variables=%7B%22s%22%3A%22%5Cud800%22%7D" },
        { "lone surrogate escape in a variable's name", "query=%7B__typename%7D&variables=%7B%22%5Cud800%22%3A1%7D" },
        { "raw byte not percent-encoded", "query=%7B__typename%7D%23\u00e9" },
    };

    [Theory]
    [MemberData(nameof(MalformedQueryStrings))]
    public async Task Get_MalformedQueryString_400(string what, string queryString)
    {
        var (status, body) = await RawHttp.SendAsync(fixture.GraphQLUrl,
            $"GET {fixture.GraphQLUrl.AbsolutePath}?{queryString} HTTP/1.1\r\nAccept: application/json\r\nAuthorization: Bearer {fixture.TeamManagerToken()}\r\nChildInfo-Purpose: child_protection\r\nChildInfo-Justification: case 1\r\n");

        Assert.True(status == 400, $"{what}: HTTP {status} {body}");
        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WellFormedQueryString_IsAnswered()
    {
        var (status, body) = await RawHttp.SendAsync(fixture.GraphQLUrl,
            $"GET {fixture.GraphQLUrl.AbsolutePath}?query=query(%24s%3A%20ID!)%20%7B__typename%20child(id%3A%20%24s)%20%7Bid%7D%7D&variables=%7B%22s%22%3A%22Zo%C3%AB%22%7D HTTP/1.1\r\nAccept: application/json\r\nAuthorization: Bearer {fixture.TeamManagerToken()}\r\nChildInfo-Purpose: child_protection\r\nChildInfo-Justification: case 1\r\n");

        Assert.True(status == 200, body);
        Assert.Contains("\"__typename\":\"Query\"", body, StringComparison.Ordinal);
    }

    private async Task<HttpExchange> PostRawAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.GraphQLUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.TeamManagerToken());
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await fixture.Environment.Client.SendAsync(request);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new HttpExchange((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, document.RootElement.Clone(), []);
    }
}
