using System.Text.Json;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Tests.Supergraph;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// A subgraph's error reaches the client with its message, code and path, and with the extensions meant for the
/// person asking; a server's stack trace, exception, details and data never leave the gateway, whatever the subgraph sends.
/// </summary>
public sealed class SubgraphErrorPassOnTests
{
    private const string Query = "{ onDay(day: \"2024-01-01\") }";

    [Fact]
    public async Task Execute_SubgraphErrorWithDevelopersDetail_PassesOnOnlyWhatIsForTheClient()
    {
        var error = await OneErrorAsync("""
            {"data":{"onDay":null},"errors":[{"message":"Not on the caller's caseload.","path":["onDay"],
              "extensions":{"code":"OUTSIDE_SCOPE","scope":"own_caseload","rule":"social_worker/child_protection","codes":["OUTSIDE_SCOPE","A"],
                "retryAfterSeconds":3,"partial":true,
                "stacktrace":["Error: boom","    at resolve (/srv/app/resolvers.js:12:9)"],
                "exception":{"message":"connection to db-internal:5432 refused","stacktrace":["..."]},
                "details":"System.InvalidOperationException: at ChildIndex.Db.Query(String sql)",
                "data":{"ConnectionString":"Server=db;Password=secret"},
                "StackTrace":"at X.Y()",
                "serviceName":"impostor"}}]}
            """);

        Assert.Equal("Not on the caller's caseload.", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(
            ["code", "codes", "partial", "retryAfterSeconds", "rule", "scope", "serviceName"],
            extensions.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("OUTSIDE_SCOPE", extensions.GetProperty("code").GetString());
        Assert.Equal("a", extensions.GetProperty("serviceName").GetString());
        Assert.Equal("own_caseload", extensions.GetProperty("scope").GetString());
        Assert.Equal(3, extensions.GetProperty("retryAfterSeconds").GetInt32());
        var text = error.GetRawText();
        Assert.DoesNotContain("resolvers.js", text, StringComparison.Ordinal);
        Assert.DoesNotContain("db-internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SubgraphErrorWithLongTexts_ShortensTheMessageAndDropsLongExtensions()
    {
        var long1 = new string('m', 5_000);
        var error = await OneErrorAsync($$$"""
            {"data":{"onDay":null},"errors":[{"message":"{{{long1}}}","path":["onDay"],
              "extensions":{"code":"{{{long1}}}","note":"{{{long1}}}","many":[{{{string.Join(",", Enumerable.Range(0, 100))}}}],"short":"kept"}}]}
            """);

        var message = error.GetProperty("message").GetString()!;
        Assert.Equal(1_000, message.Length);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
        var extensions = error.GetProperty("extensions");
        Assert.Equal(1_000, extensions.GetProperty("code").GetString()!.Length);
        Assert.False(extensions.TryGetProperty("note", out _));
        Assert.False(extensions.TryGetProperty("many", out _));
        Assert.Equal("kept", extensions.GetProperty("short").GetString());
    }

    [Fact]
    public async Task Execute_SubgraphErrorWithManyExtensions_PassesOnAtMostSixteen()
    {
        var members = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}"));
        var error = await OneErrorAsync($$$"""{"data":{"onDay":null},"errors":[{"message":"x","extensions":{{{{members}}}}}]}""");

        // The gateway's code and serviceName, and sixteen of the subgraph's.
        var extensions = error.GetProperty("extensions");
        Assert.Equal(18, extensions.EnumerateObject().Count());
        Assert.Equal("SUBGRAPH_ERROR", extensions.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Execute_MessageCutInsideASurrogatePair_StaysWellFormed()
    {
        // A 4-byte character (two UTF-16 units) straddling the cut: half of it must not be written.
        var message = new string('m', 998) + "😀" + new string('m', 10);
        var error = await OneErrorAsync($$$"""{"data":{"onDay":null},"errors":[{"message":"{{{message}}}","path":["onDay"]}]}""");

        var written = error.GetProperty("message").GetString()!;
        Assert.True(written.Length <= 1_000);
        Assert.EndsWith("m…", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_AnswerWithThousandsOfErrors_PassesOnTheFirstThousandAndSaysHowMany()
    {
        // Each error's path names a field of the planner's, so each is compared with those before it for duplicates:
        // without a bound, forty thousand of these took seconds of CPU.
        var errors = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $$"""{"message":"e{{i}}","path":["fed__x",{{i}}]}"""));
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new FixedAnswerTransport($$"""{"data":{"onDay":"kept"},"errors":[{{errors}}]}"""));

        var result = await gateway.ExecuteAsync(new GatewayRequest(Query), null, TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(result.ToJson());
        var passed = document.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(1_001, passed.Count);
        Assert.Equal("e999", passed[999].GetProperty("message").GetString());
        Assert.Equal("Subgraph 'a' reported 5000 errors; the first 1000 are passed on.", passed[1_000].GetProperty("message").GetString());
        Assert.Equal("kept", document.RootElement.GetProperty("data").GetProperty("onDay").GetString());
    }

    [Fact]
    public async Task Execute_SubgraphErrorWithAPathLongerThanAnyResponse_KeptWithoutIt()
    {
        var path = string.Join(",", Enumerable.Range(0, 129).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var error = await OneErrorAsync($$"""{"data":{"onDay":null},"errors":[{"message":"deep","path":["onDay",{{path}}]}]}""");

        Assert.Equal("deep", error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("path", out _));
    }

    private static async Task<JsonElement> OneErrorAsync(string answer)
    {
        var gateway = FederationEngine.Create(SupergraphLoaderTests.Fixture, new FixedAnswerTransport(answer));
        var result = await gateway.ExecuteAsync(new GatewayRequest(Query), null, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(result.ToJson());
        return Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray()).Clone();
    }
}
