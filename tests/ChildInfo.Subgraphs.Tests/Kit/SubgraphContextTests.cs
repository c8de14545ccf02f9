using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.Kit;

/// <summary>
/// A subgraph given a context key answers only calls that carry a valid signed context: signed with its key under
/// HS256, typed and issued as a context, for this subgraph, fresh, and bound to the body the call carries.
/// </summary>
public sealed class SubgraphContextTests : IAsyncLifetime
{
    private const string DataQuery = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SubgraphTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), SubgraphTestHost.TempSqlite("context"), options: new SubgraphHostOptions { ContextKey = _key, Time = _clock });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static byte[] Body(string query, string child = "CH-NOPE") =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables = new { r = new[] { new { __typename = "Child", id = child } } } });

    /// <summary>A context for this subgraph, bound to <paramref name="body"/>, issued at <paramref name="issued"/>.</summary>
    private SubgraphContext Context(byte[] body, DateTimeOffset issued, TimeSpan lifetime) =>
        new("u-1", "social_worker", "child_protection", "req-1")
        {
            IssuedAt = issued, ExpiresAt = issued + lifetime, Scope = "OwnCaseload", Rule = "social_worker/child_protection",
            Labels = new HashSet<string> { "linkage" }, Links = new HashSet<string> { "Child.pupil" },
            Audience = "child-index", BodyHash = SubgraphContextToken.BodyHash(body),
        };

    private SubgraphContext Fresh(byte[] body) => Context(body, _clock.GetUtcNow(), SubgraphContextToken.DefaultLifetime);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(byte[] body, string? token)
    {
        using var response = await _host.PostSignedAsync(body, token);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    private static void AssertUnauthenticated((HttpStatusCode Status, JsonElement Body) result, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        var error = result.Body.GetProperty("errors")[0];
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(result.Body.TryGetProperty("data", out _));
    }

    /// <summary>A token signed with the right key by hand, so only what the test changes is wrong.</summary>
    private string HandSigned(object header, object payload)
    {
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    private object HandPayload(byte[] body)
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["sub"] = "u-1", ["role"] = "social_worker", ["purpose"] = "child_protection", ["rid"] = "req-1", ["scope"] = "Everyone",
            ["iss"] = SubgraphContextToken.Issuer, ["aud"] = "child-index", ["iat"] = now, ["exp"] = now + 30,
            ["body_sha256"] = SubgraphContextToken.BodyHash(body), ["labels"] = new[] { "linkage" },
        };
    }

    [Fact]
    public async Task Post_NoContextHeader_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync(Body(DataQuery), null), "no ChildInfo-Context header");

    [Fact]
    public async Task Post_ContextSignedWithAnotherKey_Is401Unauthenticated()
    {
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Fresh(body), RandomNumberGenerator.GetBytes(32));

        AssertUnauthenticated(await PostAsync(body, token), "signature is not valid");
    }

    [Fact]
    public async Task Post_TamperedClaims_Is401Unauthenticated()
    {
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Fresh(body), _key).Split('.');
        var other = SubgraphContextToken.Create(Fresh(body) with { Role = "system_owner" }, _key).Split('.');

        AssertUnauthenticated(await PostAsync(body, $"{token[0]}.{other[1]}.{token[2]}"), "signature is not valid");
    }

    [Fact]
    public async Task Post_ContextForAnotherSubgraph_Is401Unauthenticated()
    {
        var body = Body(DataQuery);

        AssertUnauthenticated(await PostAsync(body, SubgraphContextToken.Create(Fresh(body) with { Audience = "education" }, _key)), "for another subgraph");
    }

    [Fact]
    public async Task Post_ContextWithoutAudience_Is401Unauthenticated()
    {
        var body = Body(DataQuery);

        AssertUnauthenticated(await PostAsync(body, SubgraphContextToken.Create(Fresh(body) with { Audience = null }, _key)), "ChildInfo-Context");
    }

    [Fact]
    public async Task Post_ContextBoundToAnotherBody_Is401Unauthenticated()
    {
        var signedFor = Body(DataQuery, "CH-SIGNED");
        var sent = Body(DataQuery, "CH-OTHER");

        AssertUnauthenticated(await PostAsync(sent, SubgraphContextToken.Create(Fresh(signedFor), _key)), "signed for another operation or other variables");
    }

    [Fact]
    public async Task Post_ContextBoundToNoBody_Is401Unauthenticated()
    {
        var body = Body(DataQuery);

        AssertUnauthenticated(await PostAsync(body, SubgraphContextToken.Create(Fresh(body) with { BodyHash = null }, _key)), "not bound to a request body");
    }

    [Fact]
    public async Task Get_WithAContext_DataIsRefused()
    {
        var body = Body(DataQuery);
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("{ child(id: \"CH-NOPE\") { id } }"));
        request.Headers.Add(SubgraphContextToken.HeaderName, SubgraphContextToken.Create(Fresh(body), _key));

        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        AssertUnauthenticated((response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)), "binds a POST body");
    }

    [Fact]
    public async Task Post_ExpiredContext_Is401Unauthenticated()
    {
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Fresh(body), _key);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, token)).Status);

        _clock.Advance(SubgraphContextToken.DefaultLifetime + SubgraphContextToken.ClockSkew + TimeSpan.FromSeconds(1));

        AssertUnauthenticated(await PostAsync(body, token), "expired");
    }

    [Fact]
    public async Task Post_ContextLivingTooLong_Is401Unauthenticated()
    {
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Context(body, _clock.GetUtcNow(), SubgraphContextToken.MaxLifetime + TimeSpan.FromSeconds(1)), _key);

        AssertUnauthenticated(await PostAsync(body, token), "lives longer");
    }

    [Fact]
    public async Task Post_ContextIssuedInTheFuture_Is401Unauthenticated()
    {
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Context(body, _clock.GetUtcNow().AddMinutes(5), SubgraphContextToken.DefaultLifetime), _key);

        AssertUnauthenticated(await PostAsync(body, token), "issued in the future");
    }

    [Fact]
    public async Task Post_MalformedContext_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync(Body(DataQuery), "not-a-token"), "not a compact JWT");

    [Theory]
    [InlineData("none")]
    [InlineData("HS512")]
    public async Task Post_ContextWithAnotherAlgorithm_Is401Unauthenticated(string algorithm)
    {
        var body = Body(DataQuery);

        var (status, _) = await PostAsync(body, HandSigned(new { alg = algorithm, typ = SubgraphContextToken.TokenType }, HandPayload(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Post_OtherJwtSignedWithTheSameKey_IsNotTakenForAContext()
    {
        // A plain JWT (typ JWT) under the same key: explicit typing keeps any other token from passing for a context.
        var body = Body(DataQuery);

        AssertUnauthenticated(await PostAsync(body, HandSigned(new { alg = "HS256", typ = "JWT" }, HandPayload(body))), "not a request context");
    }

    [Fact]
    public async Task Post_HandSignedContextWithEveryClaimRight_IsAccepted()
    {
        // The same hand-made token with the right type: proves the refusals above are for what each test changed.
        var body = Body(DataQuery);

        var (status, response) = await PostAsync(body, HandSigned(new { alg = "HS256", typ = SubgraphContextToken.TokenType }, HandPayload(body)));

        Assert.True(status == HttpStatusCode.OK, response.GetRawText());
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
    }

    [Fact]
    public async Task Post_ValidContext_Is200WithData()
    {
        // Everyone's scope: an unknown child is simply null (a narrower scope answers OUTSIDE_SCOPE, see ChildIndexScopeTests).
        var body = Body(DataQuery);
        var token = SubgraphContextToken.Create(Fresh(body) with { Scope = "Everyone" }, _key);

        var (status, response) = await PostAsync(body, token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("_entities")[0].ValueKind);
    }

    [Fact]
    public async Task Verify_ClaimsRoundTrip_IncludingNonAsciiJustification()
    {
        var body = Body(DataQuery);
        var context = Fresh(body) with { Organisation = "ORG-03", Team = "T04", School = "137017", Setting = "200001", Justification = "Ymholiad adran 47 — ŵyr Zoë, £0" };
        var verifier = new SubgraphContextVerifier(_key, "child-index", _clock);

        var verified = (await verifier.VerifyAsync(SubgraphContextToken.Create(context, _key), body)).Context!;

        Assert.Equal(("ORG-03", "T04", "137017", "200001"), (verified.Organisation, verified.Team, verified.School, verified.Setting));
        Assert.Equal("Ymholiad adran 47 — ŵyr Zoë, £0", verified.Justification);
        Assert.Equal(["linkage"], verified.Labels);
        Assert.Equal(["Child.pupil"], verified.Links);
        var scope = CallerScope.From(verified);
        Assert.Equal(RecordScopeKind.OwnCaseload, scope.Kind);
        Assert.Equal([("user", "u-1"), ("team", "T04"), ("organisation", "ORG-03")], scope.CaseloadHolders());
        Assert.Equal(137017, scope.SchoolUrn);
    }

    [Fact]
    public async Task Issuer_SignsForOneSubgraphAndOneBody()
    {
        var body = Body(DataQuery);
        var issuer = new SubgraphContextIssuer(_key, _clock);
        var token = issuer.Sign(Fresh(body) with { Audience = null, BodyHash = null }, "child-index", body);

        Assert.True((await new SubgraphContextVerifier(_key, "child-index", _clock).VerifyAsync(token, body)).IsValid);
        Assert.False((await new SubgraphContextVerifier(_key, "education", _clock).VerifyAsync(token, body)).IsValid);
        Assert.False((await new SubgraphContextVerifier(_key, "child-index", _clock).VerifyAsync(token, Body(DataQuery, "CH-OTHER"))).IsValid);
    }

    [Fact]
    public async Task Issuer_OnePreparedRequest_SignsEachCallForItsOwnSubgraphAndBody()
    {
        var body = Body(DataQuery);
        var other = Body(DataQuery, "CH-OTHER");
        var issuer = new SubgraphContextIssuer(_key, _clock);
        var prepared = SubgraphContextIssuer.Prepare(Fresh(body) with { Audience = null, BodyHash = null });

        var forIndex = issuer.Sign(prepared, "child-index", body);
        var forQuoted = issuer.Sign(prepared, "odd\"name", other);

        Assert.True((await new SubgraphContextVerifier(_key, "child-index", _clock).VerifyAsync(forIndex, body)).IsValid);
        Assert.False((await new SubgraphContextVerifier(_key, "child-index", _clock).VerifyAsync(forQuoted, other)).IsValid);
        var quoted = await new SubgraphContextVerifier(_key, "odd\"name", _clock).VerifyAsync(forQuoted, other);
        Assert.True(quoted.IsValid);
        Assert.Equal(("u-1", "req-1", SubgraphContextToken.BodyHash(other)), (quoted.Context!.User, quoted.Context.RequestId, quoted.Context.BodyHash));
    }

    [Fact]
    public void Issuer_WritesTheHeaderAndClaimsTheTokenLibraryWrites()
    {
        // The issuer writes its tokens itself (one per subgraph call, so its allocation counts); the library is the
        // reference for what a token holds: same header, same claims and values, for a context using every claim.
        var body = Body(DataQuery);
        var context = Fresh(body) with
        {
            Organisation = "ORG-03", Team = "T04", School = "137017", Setting = "200001", Justification = "Ymholiad — Zoë <b> & \"quoted\" \\ +",
            Labels = new HashSet<string> { "voice", "record:voice", "education", "count:protection" }, Links = new HashSet<string> { "Child.pupil", "Child.case" },
        };

        var ours = SubgraphContextToken.Create(context, _key).Split('.');
        var library = LibraryToken(context).Split('.');

        Assert.Equal(Claims(library[0]), Claims(ours[0]));
        Assert.Equal(Claims(library[1]), Claims(ours[1]));
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(ours[0] + "." + ours[1]));
        Assert.Equal(Base64Url.EncodeToString(mac), ours[2]);
    }

    /// <summary>The same context signed by the token library, as the issuer did before it wrote its own tokens.</summary>
    private string LibraryToken(SubgraphContext context)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = context.User, ["role"] = context.Role, ["purpose"] = context.Purpose, ["rid"] = context.RequestId,
            ["labels"] = context.Labels.Order(StringComparer.Ordinal).ToArray(), ["links"] = context.Links.Order(StringComparer.Ordinal).ToArray(),
            ["justification"] = context.Justification!, ["scope"] = context.Scope!, ["rule"] = context.Rule!, ["org"] = context.Organisation!,
            ["team"] = context.Team!, ["school_urn"] = context.School!, ["setting_urn"] = context.Setting!, ["body_sha256"] = context.BodyHash!,
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = claims, TokenType = SubgraphContextToken.TokenType, Issuer = SubgraphContextToken.Issuer, Audience = context.Audience,
            IssuedAt = context.IssuedAt.UtcDateTime, Expires = context.ExpiresAt.UtcDateTime,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(_key), "HS256"),
        });
    }

    /// <summary>A token part's JSON object as sorted name = value lines (strings unescaped, arrays in order).</summary>
    private static string Claims(string part)
    {
        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        static string Value(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "\"" + value.GetString() + "\"",
            JsonValueKind.Number => value.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Value)) + "]",
            _ => value.ValueKind.ToString(),
        };
        return string.Join("\n", json.RootElement.EnumerateObject().Select(p => p.Name + " = " + Value(p.Value)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scope_WithoutVerifiedContext_IsUnrestricted() =>
        Assert.True(CallerScope.From((SubgraphContext?)null) is { IsEveryone: true, Verified: false });

    [Fact]
    public async Task Post_SdlOnlyWithoutContext_IsAnsweredForComposition()
    {
        var (status, body) = await PostAsync(Body("{ _service { sdl } __typename }"), null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("type Child", body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SdlAlongsideDataWithoutContext_Is401Unauthenticated() =>
        AssertUnauthenticated(await PostAsync(Body("query($r: [_Any!]!) { _service { sdl } _entities(representations: $r) { __typename } }"), null), "no ChildInfo-Context header");

    [Fact]
    public async Task Get_HealthWithoutContext_IsOpen()
    {
        using var response = await _host.Client.GetAsync("health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Create_KeyShorterThan256Bits_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => SubgraphHost.CreateAsync(new ChildIndexSubgraph(), new SubgraphHostOptions { ContextKey = new byte[16], Database = SubgraphTestHost.TempSqlite("short-key") }));

    [Fact]
    public async Task Create_NameFromOptions_IsTheAudience()
    {
        await using var renamed = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), SubgraphTestHost.TempSqlite("renamed"), options: new SubgraphHostOptions { ContextKey = _key, Name = "people" });
        var body = Body(DataQuery);

        using var forDefault = await renamed.PostSignedAsync(body, SubgraphContextToken.Create(Fresh(body) with { Scope = "Everyone" }, _key));
        using var forName = await renamed.PostSignedAsync(body, SubgraphContextToken.Create(Fresh(body) with { Scope = "Everyone", Audience = "people" }, _key));

        Assert.Equal(("people", HttpStatusCode.Unauthorized, HttpStatusCode.OK), (renamed.Name, forDefault.StatusCode, forName.StatusCode));
    }
}
