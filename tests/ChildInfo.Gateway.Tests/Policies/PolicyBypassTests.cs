using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// Request shapes that might get round the policy and do not: a batched body, a document whose other operation
/// asks for a denied field, a denied field beside introspection. An early help worker may never see section 47
/// enquiries (<c>SocialCareChild.section47Enquiries</c>, label <c>protection</c>).
/// </summary>
public sealed class PolicyBypassTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private const string Denied = "section47Enquiries";

    private async Task<string> ChildWithSocialCareRecordAsync()
    {
        await using var connection = new SqliteConnection(gateway.Environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link WHERE source_system = 'social-care' ORDER BY child_id LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(HttpExchange Exchange, string[] SubgraphBodies)> AsEarlyHelpWorkerAsync(object body)
    {
        var child = await ChildWithSocialCareRecordAsync();
        var marker = "bypass-" + Guid.NewGuid().ToString("N");
        var exchange = await HttpExchange.PostJsonAsync(gateway.Environment.Client, gateway.GraphQLUrl, body, headers: new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + gateway.TokenFor("early_help_worker", child),
            ["ChildInfo-Purpose"] = "early_help",
            ["ChildInfo-Justification"] = marker,
        });
        return (exchange, gateway.Recorder.BodiesByMarker.TryGetValue(marker, out var bodies) ? [.. bodies] : []);
    }

    [Fact]
    public async Task BatchedBody_IsRefusedWhole_AndNothingIsFetched()
    {
        var child = await ChildWithSocialCareRecordAsync();
        var (exchange, bodies) = await AsEarlyHelpWorkerAsync(new object[]
        {
            new { query = "query($id: ID!) { child(id: $id) { id } }", variables = new { id = child } },
            new { query = $"query($id: ID!) {{ child(id: $id) {{ socialCareChild {{ {Denied} {{ enquiryId }} }} }} }}", variables = new { id = child } },
        });

        Assert.Equal(400, exchange.Status);
        Assert.False(exchange.HasData);
        Assert.Empty(bodies);
    }

    [Theory]
    [InlineData("Allowed")]
    [InlineData("Denied")]
    public async Task TwoOperationsInOneDocument_TheDeniedFieldIsNeverFetched_WhicheverRuns(string operationName)
    {
        var child = await ChildWithSocialCareRecordAsync();
        var document = $$"""
            query Allowed($id: ID!) { child(id: $id) { id socialCareChild { personId } } }
            query Denied($id: ID!) { child(id: $id) { id socialCareChild { personId {{Denied}} { enquiryId } } } }
            """;

        var (exchange, bodies) = await AsEarlyHelpWorkerAsync(new { query = document, operationName, variables = new { id = child } });

        Assert.Equal(200, exchange.Status);
        Assert.Equal(child, exchange.Body.GetProperty("data").GetProperty("child").GetProperty("id").GetString());
        Assert.NotEmpty(bodies);
        Assert.DoesNotContain(bodies, b => b.Contains(Denied, StringComparison.Ordinal));
        Assert.DoesNotContain("enquiryId\":\"", exchange.Body.GetRawText(), StringComparison.Ordinal);
        if (operationName == "Denied")
        {
            AssertWithheldError(exchange);
        }
    }

    [Fact]
    public async Task DeniedFieldBesideIntrospection_IsStillWithheld()
    {
        var child = await ChildWithSocialCareRecordAsync();
        var query = $"query($id: ID!) {{ __schema {{ queryType {{ name }} }} __typename child(id: $id) {{ socialCareChild {{ {Denied} {{ enquiryId }} }} }} }}";

        var (exchange, bodies) = await AsEarlyHelpWorkerAsync(new { query, variables = new { id = child } });

        Assert.Equal("Query", exchange.Body.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.DoesNotContain(bodies, b => b.Contains(Denied, StringComparison.Ordinal));
        AssertWithheldError(exchange);
    }

    /// <summary>The list is non-null, so its null reaches the record; the error says why, on the denied field's path.</summary>
    private static void AssertWithheldError(HttpExchange exchange) =>
        Assert.Contains(exchange.Body.GetProperty("errors").EnumerateArray(), e =>
            e.GetProperty("path").GetRawText().Contains(Denied, StringComparison.Ordinal)
            && e.GetProperty("extensions").GetProperty("code").GetString() == "LABEL_DENIED");
}
