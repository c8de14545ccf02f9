using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.Kit;

/// <summary>
/// Defence in depth at the data: a subgraph serves only fields whose labels (and, for links, the link) the signed
/// context allows, however the operation spells them, and answers a refused operation with no data at all.
/// </summary>
public sealed class ContextLabelTests : IAsyncLifetime
{
    private const string ChildId = "CH-LABEL001";
    private const string Surname = "Quennell";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), SubgraphTestHost.TempSqlite("labels"), SeedAsync, new SubgraphHostOptions { ContextKey = _key });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static async Task SeedAsync(AgencyDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        var created = new DateOnly(2026, 9, 1);
        await writer.InsertAsync("ci_child", ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on"],
            [[ChildId, "Ivo", null, Surname, 'M', new DateOnly(2015, 6, 1), "NS2 9XY", null, "B999123424002", created]]);
        await writer.InsertAsync("ci_record_link", ["link_id", "child_id", "source_system", "local_id", "match_method", "match_confidence", "linked_on"],
            [[ChildId + "-ED", ChildId, "education", "B999123424002", "UPN", 1m, created]]);
    }

    /// <summary>A caller whose rule shows ids, lookups and links but not names, and follows no link.</summary>
    private SubgraphContext LinkageOnly => _host.Context("Everyone") with
    {
        Labels = new HashSet<string> { "linkage", "lookup" },
        Links = new HashSet<string>(),
    };

    private Task<JsonElement> PostAsync(SubgraphContext context, string query) =>
        _host.QueryAsync(context, _key, query, new { id = ChildId, r = new[] { new { __typename = "Child", id = ChildId } } });

    private static void AssertRefusedWithoutData(JsonElement response, string coordinate, string code = FieldClassification.NotAllowedCode)
    {
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, response.GetRawText());
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.StartsWith(coordinate + " ", StringComparison.Ordinal));
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain(Surname, response.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedLabels_AreServed()
    {
        var response = await PostAsync(LinkageOnly, "query($id: ID!) { child(id: $id) { id links { sourceSystem } } }");

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(ChildId, response.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("plain", "query($id: ID!) { child(id: $id) { id surname } }")]
    [InlineData("alias", "query($id: ID!) { child(id: $id) { id familyName: surname } }")]
    [InlineData("inline fragment", "query($id: ID!) { child(id: $id) { id ... on Child { surname } } }")]
    [InlineData("named fragment", "query($id: ID!) { child(id: $id) { ...names } } fragment names on Child { id surname }")]
    [InlineData("skipped", "query($id: ID!) { child(id: $id) { id surname @skip(if: false) } }")]
    [InlineData("entities", "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { surname } } }")]
    [InlineData("entities with fragment", "query($r: [_Any!]!) { _entities(representations: $r) { ...names } } fragment names on Child { surname }")]
    public async Task LabelOutsideTheContext_IsRefusedWithNoData(string spelling, string query)
    {
        Assert.NotEmpty(spelling);

        AssertRefusedWithoutData(await PostAsync(LinkageOnly, query), "Child.surname");
    }

    [Fact]
    public async Task LinkTheContextDoesNotList_IsRefused_EvenWithItsLabelAllowed() =>
        AssertRefusedWithoutData(await PostAsync(LinkageOnly, "query($id: ID!) { child(id: $id) { id pupil { upn } } }"), "Child.pupil");

    [Fact]
    public async Task LinkTheContextLists_IsFollowed()
    {
        var response = await PostAsync(LinkageOnly with { Links = new HashSet<string> { "Child.pupil" } }, "query($id: ID!) { child(id: $id) { pupil { upn } } }");

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal("B999123424002", response.GetProperty("data").GetProperty("child").GetProperty("pupil").GetProperty("upn").GetString());
    }

    [Fact]
    public async Task ContextWithoutLabels_ServesNoChildsField_ButTypenameAndIntrospection()
    {
        var none = LinkageOnly with { Labels = new HashSet<string>() };

        AssertRefusedWithoutData(await PostAsync(none, "query($id: ID!) { child(id: $id) { id } }"), "Query.child");
        var plumbing = await PostAsync(none, "{ __typename __type(name: \"Child\") { name } }");
        Assert.False(plumbing.TryGetProperty("errors", out _), plumbing.GetRawText());
        Assert.Equal("Child", plumbing.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Fact]
    public async Task LabelsClaimThatIsNotAnArray_Is401()
    {
        // Signed with the right key, for this subgraph and this body, so only the claim's shape is wrong.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = "{ __typename child(id: \"x\") { id } }" });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = SubgraphContextToken.TokenType }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = "u", ["role"] = "r", ["purpose"] = "p", ["rid"] = "1", ["iat"] = now, ["exp"] = now + 30, ["labels"] = "identifying",
            ["iss"] = SubgraphContextToken.Issuer, ["aud"] = _host.Name, ["body_sha256"] = SubgraphContextToken.BodyHash(body),
        }));
        var token = $"{header}.{payload}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(header + "." + payload)))}";

        using var response = await _host.PostSignedAsync(body, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("labels or links", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithContextKeyButNoClassification_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SubgraphHost.CreateAsync(new UnclassifiedChildIndex(),
            new SubgraphHostOptions { ContextKey = _key, Database = SubgraphTestHost.TempSqlite("unclassified") }));

        Assert.Contains("no field classification", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameFieldLabelledDifferentlyInTwoDocuments_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FieldClassification.Parse(
            [("a.yaml", "classifications:\n  Child.id: [linkage]\n"), ("b.yaml", "classifications:\n  Child.id: [identifying]\n")]));

        Assert.Contains("b.yaml labels Child.id differently", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesTheDocument() =>
        Assert.Contains("bad.yaml is not valid YAML", Assert.Throws<InvalidOperationException>(() => FieldClassification.Parse([("bad.yaml", "classifications: [unclosed")])).Message, StringComparison.Ordinal);

    private sealed class UnclassifiedChildIndex : SubgraphDefinitionProxy
    {
        public override FieldClassification LoadClassification() => FieldClassification.Parse([]);
    }

    /// <summary>The child index in every respect but the one a test overrides.</summary>
    private abstract class SubgraphDefinitionProxy : SubgraphDefinition
    {
        private readonly ChildIndexSubgraph _inner = new();

        public override string Name => _inner.Name;

        public override int DefaultPort => _inner.DefaultPort;

        public override AgencySchema DatabaseSchema => _inner.DatabaseSchema;

        public override void ConfigureGraphQL(GraphQL.DI.IGraphQLBuilder builder) => _inner.ConfigureGraphQL(builder);

        public override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => _inner.ConfigureServices(services);
    }
}
