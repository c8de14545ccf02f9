using System.Text.Json;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Identity;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// No caller text in a subgraph call's headers. A justification with CR/LF once split the gateway's subgraph requests,
/// so spare answers on pooled connections reached other callers. Now purpose and justification are checked at the
/// edge (control characters, over-long values: 400, whichever way they came) and travel to subgraphs only inside
/// the signed context; every subgraph call is one well-formed request whose only added header is that context.
/// </summary>
public sealed class HeaderInjectionTests(SecuredGatewayFixture fixture) : IClassFixture<SecuredGatewayFixture>
{
    /// <summary>The justification that split subgraph requests, as reported.</summary>
    private const string SplittingJustification = "x\r\nContent-Length: 0\r\n\r\nGET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: s";

    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id forename pupil { upn } } }";

    /// <summary>The headers a subgraph call may carry: the transport's own and the signed context.</summary>
    private static readonly HashSet<string> SubgraphCallHeaders = new(["Accept", "Content-Type", "Content-Length", SubgraphContextToken.HeaderName], StringComparer.OrdinalIgnoreCase);

    private async Task<string> ChildAsync() => (await fixture.LinkedChildrenAsync("education", 1))[0];

    [Fact]
    public async Task SplittingJustificationFromTheReport_Is400_AndNoSubgraphIsCalled()
    {
        var child = await ChildAsync();
        var calls = fixture.Recorder.Calls.Count;

        var refused = await fixture.ChildAsync(ChildQuery, child, SplittingJustification);
        var callsAfterRefusal = fixture.Recorder.Calls.Count;
        var ordinary = await fixture.ChildAsync(ChildQuery, child, "case " + Guid.NewGuid().ToString("N"));

        Assert.Equal((400, "INVALID_JUSTIFICATION"), (refused.Status, refused.FirstErrorCode));
        Assert.Contains("control or formatting character (U+000D)", refused.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(refused.HasData);
        Assert.Equal(calls, callsAfterRefusal);
        Assert.Equal(200, ordinary.Status);
        Assert.Equal(child, ordinary.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
    }

    public static TheoryData<string, string, string> HostileDeclarations => new()
    {
        { "CR LF", "justification", "case 1\r\nX-Injected: 1" },
        { "LF", "justification", "case 1\nsecond line" },
        { "NUL", "justification", "case\0 1" },
        { "tab", "justification", "case\t1" },
        { "DEL", "justification", "case\u007f1" },
        { "C1 next line", "justification", "case\u00851" },
        { "line separator", "justification", "case\u20281" },
        { "right-to-left override", "justification", "case \u202e1 esac" },
        { "501 characters", "justification", new string('ŵ', CallerDeclaration.MaxJustificationLength + 1) },
        { "purpose CR LF", "purpose", "child_protection\r\nX-Injected: 1" },
        { "purpose 101 characters", "purpose", new string('p', CallerDeclaration.MaxPurposeLength + 1) },
    };

    [Theory]
    [MemberData(nameof(HostileDeclarations))]
    public async Task HostileDeclarationInExtensions_Is400_BeforeAnySubgraphCall(string what, string field, string value)
    {
        var child = await ChildAsync();
        var calls = fixture.Recorder.Calls.Count;
        var extensions = new Dictionary<string, string> { ["purpose"] = "child_protection", ["justification"] = "case 1" };
        extensions[field] = value;

        var exchange = await fixture.PostAsync(new { query = ChildQuery, variables = new { id = child }, extensions });

        Assert.True(exchange.Status == 400, $"{what}: HTTP {exchange.Status}");
        Assert.Equal(field == "purpose" ? "INVALID_PURPOSE" : "INVALID_JUSTIFICATION", exchange.FirstErrorCode);
        Assert.False(exchange.HasData);
        Assert.Equal(calls, fixture.Recorder.Calls.Count);
    }

    public static TheoryData<string, string> HostileHeaderLines => new()
    {
        { "bare CR", "ChildInfo-Justification: case\r1\r\n" },
        { "tab", "ChildInfo-Justification: case\t1\r\n" },
        { "NUL", "ChildInfo-Justification: case\u00001\r\n" },
        { "DEL", "ChildInfo-Justification: case\u007f1\r\n" },
        { "C1 next line as UTF-8", "ChildInfo-Justification: " + RawHttp.Utf8Bytes("case\u00851") + "\r\n" },
        { "not UTF-8", "ChildInfo-Justification: Zo\u00c3\u0028\r\n" },
        { "twice", "ChildInfo-Justification: case 1\r\nChildInfo-Justification: case 2\r\n" },
        { "purpose with a control character", "ChildInfo-Purpose: child_protection\u0001\r\nChildInfo-Justification: case 1\r\n" },
    };

    [Theory]
    [MemberData(nameof(HostileHeaderLines))]
    public async Task HostileDeclarationInHeaders_Is400_BeforeAnySubgraphCall(string what, string headerLines)
    {
        var child = await ChildAsync();
        var calls = fixture.Recorder.Calls.Count;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = ChildQuery, variables = new { id = child } });
        var purpose = headerLines.Contains("ChildInfo-Purpose", StringComparison.Ordinal) ? "" : "ChildInfo-Purpose: child_protection\r\n";

        var (status, response) = await RawHttp.SendAsync(fixture.GraphQLUrl,
            $"POST {fixture.GraphQLUrl.AbsolutePath} HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer {fixture.TeamManagerToken()}\r\n{purpose}{headerLines}", body);

        // Kestrel itself refuses some (a raw CR, NUL, bytes that are not UTF-8); the gateway refuses the rest by name.
        Assert.True(status == 400, $"{what}: HTTP {status} {response}");
        Assert.DoesNotContain("\"data\"", response, StringComparison.Ordinal);
        Assert.Equal(calls, fixture.Recorder.Calls.Count);
    }

    [Fact]
    public async Task HostileHeaderTheServerLetsThrough_IsRefusedByName()
    {
        var (status, response) = await RawHttp.SendAsync(fixture.GraphQLUrl,
            $"POST {fixture.GraphQLUrl.AbsolutePath} HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer {fixture.TeamManagerToken()}\r\nChildInfo-Purpose: child_protection\r\nChildInfo-Justification: case\t1\r\n",
            """{"query":"{ __typename }"}"""u8.ToArray());

        Assert.Equal(400, status);
        Assert.Contains("INVALID_JUSTIFICATION", response, StringComparison.Ordinal);
        Assert.Contains("ChildInfo-Justification header holds a control or formatting character (U+0009)", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JustificationThatIsNotAString_Is400()
    {
        var exchange = await fixture.PostAsync(new { query = "{ __typename }", extensions = new { purpose = "child_protection", justification = new { text = "case 1" } } });

        Assert.Equal((400, "INVALID_JUSTIFICATION"), (exchange.Status, exchange.FirstErrorCode));
        Assert.Equal("extensions.justification must be a string.", exchange.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task LongestJustification_IsAccepted()
    {
        var child = await ChildAsync();

        var exchange = await fixture.ChildAsync(ChildQuery, child, new string('ŵ', CallerDeclaration.MaxJustificationLength - 36) + Guid.NewGuid().ToString());

        Assert.Equal(200, exchange.Status);
        Assert.Equal(child, exchange.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
    }

    [Fact]
    public async Task HostileJustificationPastTheEdge_StillNeverBecomesAHeader()
    {
        // Defence in depth, should the edge check ever be bypassed: the only header the gateway adds is the signed
        // context, and the justification inside it arrives exactly as it was, as signed JSON text.
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var body = """{"query":"{ __typename }"}"""u8.ToArray();
        var context = new GatewayRequestContext("r-1", "child_protection", SplittingJustification)
        {
            Caller = new CallerIdentity("u-1", null, ["team_manager"], null, null, null),
            Role = "team_manager",
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:1/graphql") { Content = new ByteArrayContent(body) };

        GatewayHost.ForwardRequestContext(message, new SubgraphRequest(new SubgraphInfo("education", "EDUCATION", "http://127.0.0.1:1/graphql"), body, context), new SubgraphContextSigner(key));

        var header = Assert.Single(message.Headers);
        Assert.Equal(SubgraphContextToken.HeaderName, header.Key);
        var token = Assert.Single(header.Value);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' in the token"));
        var verified = await new SubgraphContextVerifier(key, "education").VerifyAsync(token, body);
        Assert.Equal(SplittingJustification, verified.Context!.Justification);
    }

    [Fact]
    public async Task ConcurrentCallers_EachSubgraphCallIsOneWellFormedRequest_AndEachAnswerIsTheCallersOwn()
    {
        var children = await fixture.LinkedChildrenAsync("education", 6);
        var requests = Enumerable.Range(0, 36)
            .Select(i => (Child: children[i % children.Count], Justification: $"Ymholiad adran 47 — ŵyr Zoë £{i} {Guid.NewGuid():N}"))
            .ToList();

        var answers = await Task.WhenAll(requests.Select(r => fixture.ChildAsync(ChildQuery, r.Child, r.Justification)));

        for (var i = 0; i < requests.Count; i++)
        {
            var (child, justification) = requests[i];
            Assert.Equal(200, answers[i].Status);
            Assert.Equal(child, answers[i].Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
            var calls = fixture.Recorder.CallsByMarker(justification);
            Assert.Equal(["child-index", "education"], calls.Select(fixture.SubgraphOf).Order(StringComparer.Ordinal));
            foreach (var call in calls)
            {
                Assert.All(call.Headers, h => Assert.Contains(h.Key, SubgraphCallHeaders));
                Assert.All(call.Headers, h => Assert.True(h.Value.All(c => c is >= ' ' and <= '~'), $"{h.Key}: {h.Value}"));
                var verified = await new SubgraphContextVerifier(fixture.ContextKey, fixture.SubgraphOf(call)).VerifyAsync(call.Context, call.Body);
                Assert.Equal(justification, verified.Context?.Justification);
            }

            var lookup = Assert.Single(calls, c => fixture.SubgraphOf(c) == "child-index");
            Assert.Contains(child, lookup.BodyText, StringComparison.Ordinal);
            Assert.All(children.Where(c => c != child), other => Assert.DoesNotContain(other, lookup.BodyText, StringComparison.Ordinal));
        }
    }
}
