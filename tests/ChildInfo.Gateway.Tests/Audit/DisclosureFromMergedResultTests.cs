using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation.Operations;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// The audit reads what a response disclosed from the engine's merged result, never parsing the response back: for
/// the README's queries and a range of shapes (fragments, aliases, lists, nulls, conditions, lookups under nothing),
/// each record names exactly the children and fields that walking the response as the client received it names.
/// </summary>
public sealed class DisclosureFromMergedResultTests(GatewayEnvironment environment)
{
    /// <summary>The README's joined-up child query (Quick start).</summary>
    private const string ReadmeJoinedUpChild = "query JoinedUpChild($id: ID!) { child(id: $id) { id forename surname pupil { upn attendance { academicYear term sessionsPossible persistentAbsence } exclusions { category startDate } } socialCareChild { childProtectionPlanActive lookedAfterActive childProtectionPlans { latestCategoryOfAbuse } } vcsParticipant { participantId keyworkerNotes { noteDate text } } } }";

    /// <summary>The README's youth justice query (registering a subgraph): refused here, where no such subgraph is composed.</summary>
    private const string ReadmeYouthJustice = "query YouthJustice($id: ID!) { child(id: $id) { id forename youthJustice { caseId outcomeType outcomeTier offenceCategory outcomeDate status likelihoodOfReoffending caseWorker { name team } } } }";

    [Fact]
    public async Task EveryRecord_DisclosesWhatTheResponseAsWrittenShows()
    {
        await using var gateway = await AuditedGateway.StartAsync(environment);
        var children = await TestChildren.LinkedEverywhereAsync(environment, 2);
        var (first, second) = (children[0], children[1]);
        var surname = await SurnameOfAsync(first);
        (string Query, object Variables)[] requests =
        [
            (ReadmeJoinedUpChild, new { id = first }),
            // The same operation again: its fields were collected for the first request and are shared.
            (ReadmeJoinedUpChild, new { id = second }),
            (ReadmeYouthJustice, new { id = first }),
            (JoinedUpChildTests.JoinedUpQuery, new { id = second }),
            ("query($a: ID!, $b: ID!) { first: child(id: $a) { key: id surname } second: child(id: $b) { surname pupil { upn } } }", new { a = first, b = second }),
            ("query($s: String!) { searchChildren(surname: $s) { child { ...A ...B ... on Child { ...A } } } } fragment A on Child { id ...C } fragment B on Child { key: id forename ...C } fragment C on Child { surname pupil { upn } socialCareChild { personId } }", new { s = surname }),
            ("query($s: String!) { searchChildren(surname: $s) { child { forename } } }", new { s = surname }),
            ("query($id: ID!, $f: Boolean!) { child(id: $id) { id forename @include(if: $f) surname @skip(if: $f) __typename } }", new { id = first, f = true }),
            ("query($id: ID!, $f: Boolean!) { child(id: $id) { id forename @include(if: $f) surname @skip(if: $f) } }", new { id = first, f = false }),
            ("query { nobody: child(id: \"CH-NOSUCHCHILD\") { id forename pupil { upn } } }", new { }),
            ("query($id: ID!) { a: child(id: $id) { id } b: child(id: \"CH-NOSUCHCHILD\") { forename } }", new { id = second }),
            ("query { child(id: \"x\") { noSuchField } }", new { }),
        ];

        var oracle = new List<(string Query, List<(string Child, List<DisclosedField> Fields)> Expected)>();
        foreach (var (query, variables) in requests)
        {
            var variablesJson = JsonSerializer.SerializeToElement(variables);
            var exchange = await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query, variables });
            var data = exchange.Body.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
            oracle.Add((query, Walk(gateway, query, variablesJson, data)));
        }

        var records = await gateway.RecordsAsync();
        Assert.Equal(requests.Length, records.Count);
        var touchedAChild = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            var recorded = records[i].Payload!.Children.Select(c => (c.ChildId, c.Disclosed.ToList())).ToList();
            var (query, expected) = oracle[i];
            Assert.True(expected.Count == recorded.Count, $"{query}: {expected.Count} children expected, {recorded.Count} recorded");
            for (var c = 0; c < expected.Count; c++)
            {
                Assert.Equal(expected[c].Child, recorded[c].ChildId);
                Assert.Equal(expected[c].Fields, recorded[c].Item2);
            }

            touchedAChild += expected.Count(c => c.Fields.Count > 0);
        }

        // The comparison means something only if the responses showed children's details.
        Assert.True(touchedAChild >= 6, $"only {touchedAChild} children with disclosed fields");
    }

    /// <summary>What walking the response as the client received it finds (only for requests that ran; others name lookups).</summary>
    private static List<(string Child, List<DisclosedField> Fields)> Walk(AuditedGateway gateway, string query, JsonElement variables, JsonElement? data)
    {
        var schema = gateway.App.Services.GetRequiredService<GatewayState>().Current.Supergraph;
        var labels = gateway.App.Services.GetRequiredService<AuditFieldLabels>();
        var document = OperationDocument.TryParse(query, null, 256);
        // The record keeps its children in id order (the audit's canonical form), each child's fields as found.
        return [.. ChildDisclosureWalker.Walk(schema, document, variables, data, labels.Of).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))];
    }

    /// <summary>Asked of the shared gateway, so this test's audit log holds only the requests compared.</summary>
    private async Task<string> SurnameOfAsync(string child)
    {
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query = "query($id: ID!) { child(id: $id) { surname } }", variables = new { id = child } });
        return exchange.Body.GetProperty("data").GetProperty("child").GetProperty("surname").GetString()!;
    }
}
