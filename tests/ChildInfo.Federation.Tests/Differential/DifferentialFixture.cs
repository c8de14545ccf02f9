using System.Text.Json;
using System.Text.Json.Nodes;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Tests.Infrastructure;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Differential;

/// <summary>
/// Writes the operations of every supergraph in the conformance corpus (its cases, and seeded random valid queries)
/// and has Apollo Gateway answer them all in one node process, against the same canned subgraphs served over
/// loopback HTTP. The tests then compare the engine's answers with these.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    public const int RandomQueriesPerSupergraph = 200;
    private const int MaxAttempts = 20 * RandomQueriesPerSupergraph;
    private readonly Dictionary<string, List<DifferentialRequest>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _answers = new(StringComparer.Ordinal);

    /// <summary>Every folder of the corpus with cases of its own or a supergraph of its own.</summary>
    public static IEnumerable<string> Supergraphs() =>
        Directory.GetDirectories(ConformanceCase.Root).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    /// <summary>How long drawing the operations and Apollo Gateway's answers took, for the test output.</summary>
    internal string Timing { get; private set; } = string.Empty;

    internal IReadOnlyList<DifferentialRequest> Requests(string supergraph) => _requests[supergraph];

    internal JsonElement ApolloAnswer(string supergraph, string id) => _answers[supergraph][id];

    public async ValueTask InitializeAsync()
    {
        if (ApolloGatewayTool.UnavailableReason() is not null)
        {
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var owners = Supergraphs().Where(s => File.Exists(Path.Combine(ConformanceCase.Root, s, "supergraph.graphql"))).ToList();
        await using var server = await CannedSubgraphServer.StartAsync(owners);
        var batch = new JsonArray();
        foreach (var supergraph in Supergraphs())
        {
            var requests = CorpusRequests(supergraph).ToList();
            if (owners.Contains(supergraph))
            {
                requests.AddRange(await RandomRequestsAsync(supergraph));
            }

            _requests[supergraph] = requests;
            batch.Add(new JsonObject
            {
                ["name"] = supergraph,
                ["supergraphSdl"] = ConformanceCase.SupergraphSdl(supergraph),
                ["subgraphBaseUrl"] = server.BaseUrl + Path.GetFileName(ConformanceCase.FeatureDirectory(supergraph)) + "/",
                ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject
                {
                    // Ids are unique across supergraphs: the subgraph server keeps $counter values per id.
                    ["id"] = supergraph + "/" + r.Id,
                    ["query"] = r.Query,
                    ["variables"] = r.Variables is { } v ? JsonNode.Parse(v.GetRawText()) : null,
                    ["operationName"] = r.OperationName,
                })]),
            });
        }

        var drawn = clock.Elapsed;
        var output = await ApolloGatewayTool.AnswerAsync(new JsonObject { ["supergraphs"] = batch }.ToJsonString(), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(output);
        foreach (var supergraph in document.RootElement.EnumerateObject())
        {
            _answers[supergraph.Name] = supergraph.Value.EnumerateObject()
                .ToDictionary(a => a.Name[(supergraph.Name.Length + 1)..], a => a.Value.Clone(), StringComparer.Ordinal);
        }

        Timing = $"operations drawn in {drawn.TotalSeconds:F1} s, Apollo Gateway answered {_requests.Values.Sum(r => r.Count)} in {(clock.Elapsed - drawn).TotalSeconds:F1} s";
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The corpus's cases that run with every subgraph up and no guard: what both gateways can be asked alike.</summary>
    internal static IEnumerable<DifferentialRequest> CorpusRequests(string supergraph)
    {
        foreach (var caseName in ConformanceCase.All().Where(c => c.StartsWith(supergraph + "/", StringComparison.Ordinal)))
        {
            var caseDir = Path.Combine(ConformanceCase.Root, caseName);
            var options = ConformanceCase.ReadOptions(caseDir);
            if (options.Fail.Length > 0 || options.Hang.Length > 0 || options.Guard is not null)
            {
                continue;
            }

            yield return new DifferentialRequest(
                caseName[(supergraph.Length + 1)..],
                File.ReadAllText(Path.Combine(caseDir, "operation.graphql")),
                ConformanceCase.Variables(caseDir),
                options.OperationName);
        }
    }

    /// <summary>
    /// Seeded random queries over the API schema that pass GraphQL validation (GraphQL.NET's rules and the engine's
    /// <see cref="SameResponseShapeRule"/>), numbered in the order drawn.
    /// </summary>
    internal static async Task<List<DifferentialRequest>> RandomRequestsAsync(string supergraph)
    {
        var (gateway, _) = ConformanceCase.LoadFeature(supergraph);
        var queries = new RandomQueries(gateway.ApiSchema, seed: Seed(supergraph));
        var validator = new DocumentValidator();
        var requests = new List<DifferentialRequest>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < MaxAttempts && requests.Count < RandomQueriesPerSupergraph; attempt++)
        {
            // Where there is a mutation type, every other operation is a mutation (run in order, as the specification says).
            var text = gateway.ApiSchema.Mutation is not null && attempt % 2 == 1 ? queries.NextMutation() : queries.Next();
            if (!seen.Add(text))
            {
                continue;
            }

            var document = Parser.Parse(text);
            var result = await validator.ValidateAsync(new ValidationOptions
            {
                Schema = gateway.ApiSchema,
                Document = document,
                Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
                Rules = DocumentValidator.CoreRules,
                Variables = Inputs.Empty,
            });
            if (result.IsValid && SameResponseShapeRule.Check(document, (GraphQLOperationDefinition)document.Definitions[0], gateway.ApiSchema).Count == 0)
            {
                requests.Add(new DifferentialRequest("random-" + (requests.Count + 1), text, null, null));
            }
        }

        return requests;
    }

    /// <summary>A seed from the name, stable across runs and platforms (string.GetHashCode is not).</summary>
    private static int Seed(string supergraph) => supergraph.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
