using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Names and Welsh text work end to end: a justification such as "Zoë" or "Ymholiad adran 47 — ŵyr" once failed every
/// subgraph call (200 with no data), since it went into a header. Now it travels signed, inside the context, and
/// arrives intact at the subgraphs and in the audit, declared in the body's extensions or in a UTF-8 header.
/// </summary>
public sealed class NonAsciiDeclarationTests(SecuredGatewayFixture fixture) : IClassFixture<SecuredGatewayFixture>
{
    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id forename pupil { upn } } }";

    public static TheoryData<string, bool> Justifications => new()
    {
        { "Zoë", false },
        { "Ymholiad adran 47 — ŵyr", false },
        { "£", false },
        { "Zoë", true },
        { "Ymholiad adran 47 — ŵyr", true },
        { "£", true },
    };

    [Theory]
    [MemberData(nameof(Justifications))]
    public async Task NonAsciiJustification_IsAnsweredWithData_AndKeptIntactInTheContextsAndTheAudit(string text, bool asHeader)
    {
        var justification = $"{text} {Guid.NewGuid():N}";
        var child = (await fixture.LinkedChildrenAsync("education", 1))[0];

        var exchange = asHeader ? await PostWithUtf8HeadersAsync(child, justification) : await fixture.ChildAsync(ChildQuery, child, justification);

        Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
        Assert.False(exchange.Body.TryGetProperty("errors", out _), exchange.Body.GetRawText());
        var answer = exchange.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(child, answer.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("pupil").GetProperty("upn").ValueKind);
        var calls = fixture.Recorder.CallsByMarker(justification);
        Assert.Equal(2, calls.Count);
        foreach (var call in calls)
        {
            var verified = await new SubgraphContextVerifier(fixture.ContextKey, fixture.SubgraphOf(call)).VerifyAsync(call.Context, call.Body);
            Assert.Equal(justification, verified.Context?.Justification);
        }

        var record = Assert.Single(await fixture.AuditRecordsAsync(), r => r.Justification == justification);
        Assert.Contains(child, record.ChildIds);
    }

    private async Task<HttpExchange> PostWithUtf8HeadersAsync(string child, string justification)
    {
        // Sent as UTF-8 bytes, as curl sends what it is given; the gateway decodes these two headers as UTF-8.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 });
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = ChildQuery, variables = new { id = child } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.TeamManagerToken());
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", justification);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new HttpExchange((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, body.RootElement.Clone(), []);
    }
}
