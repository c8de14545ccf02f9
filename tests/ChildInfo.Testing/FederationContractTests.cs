using System.Text.Json;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// What every agency subgraph owes the gateway at the federation protocol, whatever its data: its entity declared
/// by key in <c>_service { sdl }</c>, and a clear GraphQL error (never a 500 or a stack trace) for a bad
/// representation, an oversized batch (refused before the database) or a body that is not a GraphQL request. Each
/// agency's test project runs it once through a small subclass naming its host, entity type and key field. The
/// protocol layer is the Kit's and does not depend on the database provider, so one provider is enough.
/// </summary>
public abstract class FederationContractTests
{
    /// <summary>The agency's subgraph, seeded.</summary>
    protected abstract Task<SubgraphTestHost> HostAsync();

    /// <summary>The agency's entity type, for example <c>Pupil</c>.</summary>
    protected abstract string EntityType { get; }

    /// <summary>Its key field, for example <c>upn</c>.</summary>
    protected abstract string KeyField { get; }

    private string EntitiesQuery => $"query($r: [_Any!]!) {{ _entities(representations: $r) {{ ... on {EntityType} {{ {KeyField} }} }} }}";

    /// <summary>Placeholders <c>{type}</c> and <c>{key}</c> in test data become the agency's entity type and key.</summary>
    private string Fill(string text) => text.Replace("{type}", EntityType, StringComparison.Ordinal).Replace("{key}", KeyField, StringComparison.Ordinal);

    [Fact]
    public async Task Sdl_DeclaresTheEntityByItsKey()
    {
        var host = await HostAsync();

        var body = await host.QueryAsync("{ _service { sdl } }");

        Assert.Contains($"type {EntityType} @key(fields: \"{KeyField}\")", body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "__typename": "{type}" }""", "must carry its key field '{key}'")]
    [InlineData("""{ "__typename": "{type}", "{key}": 1234567890123 }""", "must be a string, not a number")]
    [InlineData("""{ "__typename": "{type}", "{key}": { "value": "A1" } }""", "must be a string, not an object")]
    [InlineData("""{ "__typename": "{type}", "{key}": "" }""", "non-empty string")]
    [InlineData("""{ "__typename": "{type}", "{key}": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }""", "at most 64 characters")]
    [InlineData("""{ "__typename": "Teacher", "{key}": "A1" }""", "'Teacher' could not be found")]
    [InlineData("""{ "{key}": "A1" }""", "must contain a __typename")]
    [InlineData("\"A1\"", "must be a dictionary")]
    [InlineData("null", "non-null")]
    public async Task Entities_BadRepresentation_ClearGraphQLErrorNot500(string representation, string expected)
    {
        var host = await HostAsync();

        var (status, body) = await host.PostRawAsync(JsonSerializer.Serialize(new { query = EntitiesQuery, variables = new { r = new[] { JsonDocument.Parse(Fill(representation)).RootElement } } }));

        Assert.InRange(status, 200, 499);
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("_entities", out var entities) && entities.ValueKind == JsonValueKind.Array && entities[0].ValueKind != JsonValueKind.Null, body.GetRawText());
        Assert.Contains(Fill(expected), Messages(body), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Messages(body), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_OversizedBatch_RefusedBeforeTheDatabase()
    {
        var host = await HostAsync();
        var before = host.Database.ConnectionsOpened;

        var body = await host.QueryAsync(EntitiesQuery, new { r = Enumerable.Range(0, 1001).Select(i => new Dictionary<string, object> { ["__typename"] = EntityType, [KeyField] = "K" + i }).ToArray() });

        Assert.Contains("at most 1000", Messages(body), StringComparison.Ordinal);
        Assert.Equal("ENTITY_BATCH_TOO_LARGE", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, host.Database.ConnectionsOpened);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{ \"query\": ")]
    [InlineData("")]
    [InlineData("{ \"variables\": {} }")]
    [InlineData("[1,2,3]")]
    [InlineData("{ \"query\": 12 }")]
    public async Task NotAGraphQLRequest_400WithGraphQLError(string raw)
    {
        var host = await HostAsync();

        var (status, body) = await host.PostRawAsync(raw);

        Assert.Equal(400, status);
        Assert.NotEmpty(Messages(body));
        Assert.DoesNotContain("   at ", body.GetRawText(), StringComparison.Ordinal);
    }

    private static string Messages(JsonElement body) =>
        body.TryGetProperty("errors", out var errors)
            ? string.Join(" | ", errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()))
            : "";
}
