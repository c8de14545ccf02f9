using System.Text;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Http;

/// <summary>Bad input gets a GraphQL error response with a 4xx status (or 200 where the spec says), never a 500.</summary>
public sealed class BadInputTests(GatewayEnvironment environment)
{
    private HttpClient Client => environment.Client;

    private Uri Url => environment.GraphQLUrl;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "not JSON", "{\"query\": " },
        { "empty", "" },
        { "array", "[{\"query\":\"{ __typename }\"}]" },
        { "string", "\"{ __typename }\"" },
        { "number", "42" },
        { "null", "null" },
        { "no query", "{}" },
        { "query null", "{\"query\":null}" },
        { "query number", "{\"query\":1}" },
        { "query object", "{\"query\":{}}" },
        { "operationName number", "{\"query\":\"{ __typename }\",\"operationName\":1}" },
        { "variables string", "{\"query\":\"{ __typename }\",\"variables\":\"{}\"}" },
        { "variables array", "{\"query\":\"{ __typename }\",\"variables\":[]}" },
        { "extensions string", "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}" },
        { "deeply nested variables", "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedBody_400WithError(string what, string body)
    {
        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var exchange = await HttpExchange.PostAsync(Client, Url, body, accept: accept);

            Assert.True(exchange.Status == 400, $"{what} with {accept}: HTTP {exchange.Status}");
            Assert.Equal("BAD_REQUEST", exchange.FirstErrorCode);
            Assert.False(exchange.HasData);
        }
    }

    [Theory]
    [InlineData("query", """{"query":"{ __typename }","query":"{ __schema { queryType { name } } }"}""")]
    [InlineData("extensions.purpose", """{"query":"{ __typename }","extensions":{"purpose":"child_protection","purpose":"research"}}""")]
    [InlineData("extensions", """{"query":"{ __typename }","extensions":{"purpose":"child_protection"},"extensions":{"purpose":"research"}}""")]
    [InlineData("a variable", """{"query":"query Q($id: ID) { __typename }","variables":{"id":"CH-1","id":"CH-2"}}""")]
    [InlineData("a member inside a variable", """{"query":"query Q($v: String) { __typename }","variables":{"v":null,"w":[{"a":1,"a":2}]}}""")]
    public async Task Post_AMemberNamedTwiceInOneObject_400_NothingRuns(string what, string body)
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, body);
        var once = await HttpExchange.PostAsync(Client, Url, """{"query":"{ __typename }","variables":{"id":"CH-1"}}""");

        Assert.True(exchange.Status == 400, $"{what} twice: HTTP {exchange.Status}");
        Assert.Equal("BAD_REQUEST", exchange.FirstErrorCode);
        Assert.Equal("The request body is not valid JSON, or names a member twice in one object.", exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(exchange.HasData);
        Assert.Equal(200, once.Status);
    }

    [Fact]
    public async Task Post_AnObjectOfManyDistinctMembers_IsAnswered()
    {
        // Checking names for duplicates must stay linear: 80,000 members in one object, close to the body limit.
        var variables = string.Join(',', Enumerable.Range(0, 80_000).Select(i => $"\"k{i}\":1"));
        var exchange = await HttpExchange.PostAsync(Client, Url, "{\"query\":\"{ __typename }\",\"variables\":{" + variables + "}}");

        Assert.Equal(200, exchange.Status);
        Assert.Equal("Query", exchange.Body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Get_AVariableNamedTwice_400()
    {
        var exchange = await HttpExchange.GetAsync(Client, Url, "query=%7B__typename%7D&variables=" + Uri.EscapeDataString("""{"id":"CH-1","id":"CH-2"}"""));

        Assert.Equal(400, exchange.Status);
        Assert.Equal("The variables parameter is not valid JSON, or names a member twice in one object.", exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_InvalidUtf8_400()
    {
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var response = await Client.PostAsync(Url, content);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_HugeQuery_RequestErrorNot500()
    {
        var query = "{ " + string.Join(' ', Enumerable.Repeat("__typename", 15_000)) + " }";
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query });

        Assert.Equal(400, exchange.Status);
        Assert.Equal("QUERY_TOO_LARGE", exchange.FirstErrorCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_413()
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, "{\"query\":\"" + new string(' ', 2 * 1024 * 1024) + "{ __typename }\"}");

        Assert.Equal(413, exchange.Status);
        Assert.Equal("BAD_REQUEST", exchange.FirstErrorCode);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public async Task Post_DeeplyNestedQuery_RequestErrorNot500(int depth)
    {
        var query = new StringBuilder("{ child(id: \"x\") ");
        for (var i = 0; i < depth; i++)
        {
            query.Append("{ pupil ");
        }

        query.Append(new string('}', depth)).Append(" }");
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = query.ToString() });

        Assert.Equal(400, exchange.Status);
        Assert.Contains(exchange.FirstErrorCode, new[] { "QUERY_TOO_DEEP", "QUERY_TOO_LARGE", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED" });
    }

    [Fact]
    public async Task Post_DeeplyNestedListValue_RequestErrorNot500()
    {
        var query = "{ child(id: " + new string('[', 10_000) + new string(']', 10_000) + ") { id } }";
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query });

        Assert.Equal(400, exchange.Status);
    }

    [Theory]
    [InlineData("variables=%7Bnot-json")]
    [InlineData("variables=%5B%5D")]
    [InlineData("extensions=1")]
    [InlineData("")]
    public async Task Get_BadParameters_400(string extra)
    {
        var exchange = await HttpExchange.GetAsync(Client, Url, extra.Length == 0 ? "operationName=x" : "query=%7B__typename%7D&" + extra);

        Assert.Equal(400, exchange.Status);
        Assert.False(exchange.HasData);
    }

    [Fact]
    public async Task Get_VeryLongUrl_4xxNot500()
    {
        using var response = await Client.GetAsync(new Uri(Url + "?query=" + new string('a', 100_000)));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Subscription_RequestErrorNot500()
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = "subscription { x }" });

        Assert.Equal(400, exchange.Status);
        Assert.False(exchange.HasData);
    }
}
