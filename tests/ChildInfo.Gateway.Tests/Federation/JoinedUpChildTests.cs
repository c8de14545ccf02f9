using System.Text.Json;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Federation;

/// <summary>
/// The joined-up child query across all five sample subgraphs, through the gateway, against what each subgraph
/// answers when asked directly.
/// </summary>
public sealed class JoinedUpChildTests(GatewayEnvironment environment)
{
    private const string IndexFields = "id forename surname dateOfBirth links { sourceSystem localId matchMethod matchConfidence }";

    private static readonly (string Field, string Agency, string Key, string RootField, string Argument, string ArgumentType, string Fields)[] Records =
    [
        ("pupil", "education", "upn", "pupil", "upn", "String!", "upn surname forename dob"),
        ("earlyYearsChild", "early-years", "eyChildId", "earlyYearsChild", "eyChildId", "ID!", "eyChildId surname forename dob"),
        ("socialCareChild", "social-care", "personId", "socialCareChild", "personId", "ID!", "personId forename surname dateOfBirth"),
        ("vcsParticipant", "voluntary-sector", "participantId", "vcsParticipant", "participantId", "ID!", "participantId forename surname dateOfBirth"),
    ];

    public static string JoinedUpQuery =>
        "query($id: ID!) { child(id: $id) { " + IndexFields + " " + string.Join(' ', Records.Select(r => $"{r.Field} {{ {r.Fields} }}")) + " } }";

    [Fact]
    public async Task ChildLinkedEverywhere_ThroughGateway_MatchesEachSubgraphDirectly()
    {
        var children = await ChildrenLinkedToEveryAgencyAsync(3);
        Assert.NotEmpty(children);

        foreach (var childId in children)
        {
            var viaGateway = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query = JoinedUpQuery, variables = new { id = childId } });
            Assert.Equal(200, viaGateway.Status);
            var child = viaGateway.Body.GetProperty("data").GetProperty("child");

            var index = await DirectAsync("child-index",
                "query($id: ID!) { child(id: $id) { " + IndexFields + " " + string.Join(' ', Records.Select(r => $"{r.Field} {{ {r.Key} }}")) + " } }",
                new { id = childId });
            var indexChild = index.GetProperty("child");
            foreach (var name in new[] { "id", "forename", "surname", "dateOfBirth", "links" })
            {
                AssertSame(indexChild.GetProperty(name), child.GetProperty(name), $"child {childId}: {name}");
            }

            Assert.Equal(4, child.GetProperty("links").GetArrayLength());
            foreach (var record in Records)
            {
                var key = indexChild.GetProperty(record.Field).GetProperty(record.Key).GetString();
                var direct = await DirectAsync(record.Agency,
                    $"query($k: {record.ArgumentType}) {{ {record.RootField}({record.Argument}: $k) {{ {record.Fields} }} }}",
                    new { k = key });
                if (direct.GetProperty(record.RootField).ValueKind == JsonValueKind.Object)
                {
                    AssertSame(direct.GetProperty(record.RootField), child.GetProperty(record.Field), $"child {childId}: {record.Field}");
                }
                else
                {
                    // The index links to a record the agency's database does not hold: only possible while the
                    // generator does not write that agency yet.
                    Assert.False(environment.GeneratedAgencies.Contains(record.Agency), $"child {childId}: the index links to {record.Agency} record {key}, which {record.Agency} does not hold");
                }
            }
        }
    }

    [Fact]
    public async Task UnknownChild_Null_NoErrors()
    {
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query = JoinedUpQuery, variables = new { id = "CH-NOSUCHCHILD" } });

        Assert.Equal(200, exchange.Status);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").GetProperty("child").ValueKind);
        Assert.False(exchange.Body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Aliases_AndKeysNotAsked_NeverLeak()
    {
        var children = await ChildrenLinkedToEveryAgencyAsync(1);
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new
        {
            query = "query($id: ID!) { who: child(id: $id) { name: surname school: pupil { __typename ref: upn } sc: socialCareChild { __typename ref: personId } } }",
            variables = new { id = children[0] },
        });

        var who = exchange.Body.GetProperty("data").GetProperty("who");
        Assert.Equal(["name", "school", "sc"], who.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SocialCareChild", who.GetProperty("sc").GetProperty("__typename").GetString());
        Assert.Equal(["__typename", "ref"], who.GetProperty("sc").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["__typename", "ref"], who.GetProperty("school").EnumerateObject().Select(p => p.Name));
    }

    private async Task<List<string>> ChildrenLinkedToEveryAgencyAsync(int count)
    {
        await using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT child_id FROM ci_record_link GROUP BY child_id HAVING COUNT(DISTINCT source_system) = 4 ORDER BY child_id LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<JsonElement> DirectAsync(string subgraph, string query, object variables)
    {
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, new Uri(environment.SubgraphUrls[subgraph]), new { query, variables }, accept: "application/json");
        Assert.True(exchange.Status == 200, $"{subgraph} answered HTTP {exchange.Status}: {exchange.Body}");
        Assert.False(exchange.Body.TryGetProperty("errors", out var errors), $"{subgraph} answered errors: {errors}");
        return exchange.Body.GetProperty("data");
    }

    private static void AssertSame(JsonElement expected, JsonElement actual, string what) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"{what}: the gateway gave {actual}, the subgraph {expected}");
}
