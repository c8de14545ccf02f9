using System.Text.Json;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Http;

/// <summary>GraphQL over HTTP: media types, status codes, GET against POST, introspection, health.</summary>
public sealed class HttpConformanceTests(GatewayEnvironment environment)
{
    private const string TypenameQuery = """{"query":"{ __typename }"}""";

    private HttpClient Client => environment.Client;

    private Uri Url => environment.GraphQLUrl;

    [Theory]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task Post_Accept_ChoosesContentType(string? accept, string expected)
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, TypenameQuery, accept: accept);

        Assert.Equal(200, exchange.Status);
        Assert.Equal(expected, exchange.ContentType);
        Assert.Equal("utf-8", exchange.Charset);
        Assert.Equal("Query", exchange.Body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Post_AcceptsNothingGraphQLCanAnswer_406()
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, TypenameQuery, accept: "text/html");

        Assert.Equal(406, exchange.Status);
        Assert.Equal("BAD_REQUEST", exchange.FirstErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_ContentTypeNotJsonUtf8_415(string? contentType)
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, TypenameQuery, contentType);

        Assert.Equal(415, exchange.Status);
        Assert.False(exchange.HasData);
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task Post_DocumentDoesNotParse_RequestErrorWithoutData(string accept, int status)
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, """{"query":"{ child(id: "}""", accept: accept);

        Assert.Equal(status, exchange.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", exchange.FirstErrorCode);
        Assert.False(exchange.HasData);
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task Post_DocumentDoesNotValidate_RequestErrorWithoutData(string accept, int status)
    {
        var exchange = await HttpExchange.PostAsync(Client, Url, """{"query":"{ child(id: \"x\") { noSuchField } }"}""", accept: accept);

        Assert.Equal(status, exchange.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", exchange.FirstErrorCode);
        Assert.False(exchange.HasData);
    }

    [Fact]
    public async Task Post_VariableOfWrongType_400WithoutData()
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = "query($id: ID!) { child(id: $id) { id } }", variables = new { id = new { nested = true } } });

        Assert.Equal(400, exchange.Status);
        Assert.False(exchange.HasData);
        Assert.NotEmpty(exchange.Body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Post_UnknownOperationName_400WithCode()
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = "query A { __typename } query B { __typename }", operationName = "C" });

        Assert.Equal(400, exchange.Status);
        Assert.Equal("GRAPHQL_UNKNOWN_OPERATION_NAME", exchange.FirstErrorCode);
    }

    [Fact]
    public async Task Post_OperationName_RunsThatOperation()
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = "query A { a: __typename } query B { b: __typename }", operationName = "B" });

        Assert.Equal(200, exchange.Status);
        var data = exchange.Body.GetProperty("data");
        Assert.Equal("Query", data.GetProperty("b").GetString());
        Assert.False(data.TryGetProperty("a", out _));
    }

    [Fact]
    public async Task Get_Query_Executes()
    {
        var exchange = await HttpExchange.GetAsync(Client, Url, "query=" + Uri.EscapeDataString("query($n: String!) { __type(name: $n) { name } }") + "&variables=" + Uri.EscapeDataString("""{"n":"Child"}"""));

        Assert.Equal(200, exchange.Status);
        Assert.Equal("Child", exchange.Body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { anything }", null)]
    [InlineData("query Q { __typename } mutation M { anything }", "M")]
    public async Task Get_Mutation_405AllowPost(string query, string? operationName)
    {
        var exchange = await HttpExchange.GetAsync(Client, Url, "query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + operationName));

        Assert.Equal(405, exchange.Status);
        Assert.Contains("POST", exchange.Allow, StringComparer.Ordinal);
        Assert.False(exchange.HasData);
    }

    [Fact]
    public async Task Get_QueryOfMixedDocument_StillExecutes()
    {
        var exchange = await HttpExchange.GetAsync(Client, Url, "query=" + Uri.EscapeDataString("query Q { __typename } mutation M { anything }") + "&operationName=Q");

        // The query is chosen, so GET is allowed; the mutation beside it is then reported by validation (the demo has no mutations).
        Assert.NotEqual(405, exchange.Status);
    }

    [Fact]
    public async Task Introspection_ApiSchema_HasNoFederationMachinery()
    {
        var exchange = await HttpExchange.PostJsonAsync(Client, Url, new { query = "{ __schema { queryType { name } types { name } } }" });

        Assert.Equal(200, exchange.Status);
        var types = exchange.Body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Child", types);
        Assert.Contains("Pupil", types);
        Assert.DoesNotContain(types, t => t!.StartsWith("join__", StringComparison.Ordinal) || t.StartsWith("link__", StringComparison.Ordinal) || t == "_Entity" || t == "_Service");
    }

    [Fact]
    public async Task Health_ListsSubgraphs()
    {
        using var response = await Client.GetAsync(new Uri(Url, "/health"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            ["child-index", "early-years", "education", "social-care", "voluntary-sector"],
            body.RootElement.GetProperty("subgraphs").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DebugPlanHeader_AddsPlanExtension()
    {
        var query = new { query = "query($id: ID!) { child(id: $id) { id pupil { surname } } }", variables = new { id = "none" } };
        var plain = await HttpExchange.PostJsonAsync(Client, Url, query);
        var withPlan = await HttpExchange.PostJsonAsync(Client, Url, query, headers: new Dictionary<string, string> { ["ChildInfo-Debug-Plan"] = "true" });

        Assert.False(plain.Body.TryGetProperty("extensions", out _));
        var plan = withPlan.Body.GetProperty("extensions").GetProperty("queryPlan").GetString()!;
        Assert.Contains("Fetch(service: \"child-index\")", plan, StringComparison.Ordinal);
        Assert.Contains("Fetch(service: \"education\")", plan, StringComparison.Ordinal);
    }
}
