using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Tests.Supergraph;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// A subgraph answer whose text is not well-formed Unicode (invalid UTF-8 inside a string, or an escape spelling a
/// lone surrogate) fails that subgraph's part with <c>SUBREQUEST_MALFORMED_RESPONSE</c>; it used to throw out of the
/// engine while the response was written. Well-formed escapes, pairs and backslashes pass.
/// </summary>
public sealed class MalformedTextAnswerTests
{
    private const string Query = "{ onDay(day: \"2024-01-01\") }";

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "lone high surrogate escape", Utf8("""{"data":{"onDay":"a\ud800b"}}""") },
        { "lone low surrogate escape", Utf8("""{"data":{"onDay":"a\udc00"}}""") },
        { "high surrogate then a letter escape", Utf8("""{"data":{"onDay":"\ud83d\u0041"}}""") },
        { "high surrogate at the end", Utf8("""{"data":{"onDay":"\ud83d"}}""") },
        { "lone surrogate in a property name", Utf8("""{"data":{"onDay":"x"},"extensions":{"\ud800":1}}""") },
        { "lone surrogate in an error message", Utf8("""{"data":{"onDay":null},"errors":[{"message":"\uDBFF"}]}""") },
        { "invalid UTF-8 inside a string", [.. Utf8("""{"data":{"onDay":"a"""), 0xFF, 0xFE, .. Utf8(""" b"}}""")] },
        { "an encoded surrogate (CESU-8) inside a string", [.. Utf8("{\"data\":{\"onDay\":\""), 0xED, 0xA0, 0x80, .. Utf8("\"}}")] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Execute_AnswerWithMalformedText_FailsThatSubgraphsPart(string why, byte[] answer)
    {
        var body = await ExecuteAsync(answer);

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("not well-formed Unicode", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("data").GetProperty("onDay").ValueKind == JsonValueKind.Null, why);
    }

    [Theory]
    [InlineData("""a\ud83d\ude00b""", "a😀b")]
    [InlineData("""\\ud800""", "\\ud800")]
    [InlineData("""\\\ud83d\udE00""", "\\😀")]
    [InlineData("""\"\u0041\/\n""", "\"A/\n")]
    [InlineData("Zoë, ŵyr, 😀", "Zoë, ŵyr, 😀")]
    public async Task Execute_AnswerWithWellFormedEscapes_Answered(string written, string expected)
    {
        var body = await ExecuteAsync(Utf8("{\"data\":{\"onDay\":\"" + written + "\"}}"));

        Assert.False(body.TryGetProperty("errors", out _));
        Assert.Equal(expected, body.GetProperty("data").GetProperty("onDay").GetString());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<JsonElement> ExecuteAsync(byte[] answer)
    {
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new FixedAnswerTransport(answer));
        var result = await gateway.ExecuteAsync(new GatewayRequest(Query), null, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(result.ToJson());
        return document.RootElement.Clone();
    }
}
