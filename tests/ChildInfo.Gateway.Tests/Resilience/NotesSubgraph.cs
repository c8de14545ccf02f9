using System.Net;
using System.Text;
using ChildInfo.Federation.Composition;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// A one-subgraph supergraph ("notes", with a query and a mutation) whose answers a <see cref="FaultHandler"/> makes
/// up, so a test controls every call and counts them.
/// </summary>
internal static class NotesSubgraph
{
    public const string Name = "notes";

    private const string Sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query { ping: String }
        type Mutation { recordNote(text: String!): String }
        """;

    public static string Supergraph(string url)
    {
        var result = SupergraphComposer.Compose([new SubgraphSdl(Name, url, Sdl)]);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        return result.Supergraph!;
    }

    /// <summary>Answers every call as the notes subgraph would.</summary>
    public static HttpResponseMessage Answer(HttpRequestMessage request) => new(HttpStatusCode.OK)
    {
        Content = new StringContent("""{"data":{"ping":"pong","recordNote":"recorded"}}""", Encoding.UTF8, "application/json"),
        RequestMessage = request,
    };
}
