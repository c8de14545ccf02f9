using System.Text.Json;
using ChildInfo.Gateway.Tests.Resilience;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A registered subgraph that hands the gateway references to another subgraph's entities: every root field it is
/// asked for answers a list of objects of the type named, each carrying the key field set to one of the keys given,
/// whatever the caller's scope. It stands for a compromised or mistaken agency.
/// </summary>
internal sealed class ReferringSubgraph(WebApplication app) : IAsyncDisposable
{
    public string Url { get; } = LoopbackSubgraph.UrlOf(app);

    public static async Task<ReferringSubgraph> StartAsync(string sdl, string typeName, string keyField, IReadOnlyList<string> keys) =>
        new(await LoopbackSubgraph.StartAsync(async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var query = body.RootElement.GetProperty("query").GetString() ?? "";
            if (query.Contains("_service", StringComparison.Ordinal))
            {
                await http.Response.WriteAsJsonAsync(new { data = new { _service = new { sdl } } });
                return;
            }

            // Answer whatever the gateway selected on each root field, under the names (aliases) it asked for.
            var data = new Dictionary<string, object?>();
            var operation = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().First();
            foreach (var root in operation.SelectionSet.Selections.OfType<GraphQLField>())
            {
                data[(root.Alias?.Name ?? root.Name).StringValue] = root.Name.StringValue == "__typename" ? "Query"
                    : keys.Select(key => (root.SelectionSet?.Selections.OfType<GraphQLField>() ?? []).ToDictionary(
                        f => (f.Alias?.Name ?? f.Name).StringValue,
                        f => f.Name.StringValue == "__typename" ? typeName : f.Name.StringValue == keyField ? (object)key : null)).ToList();
            }

            await http.Response.WriteAsJsonAsync(new { data });
        }));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
