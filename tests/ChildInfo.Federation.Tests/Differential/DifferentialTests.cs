using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Differential;

/// <summary>
/// The engine against Apollo Gateway: every supergraph of the conformance corpus, its cases and at least
/// <see cref="DifferentialFixture.RandomQueriesPerSupergraph"/> seeded random valid queries, answered by both over the
/// same canned subgraphs. Every difference (data, or where errors are) must be listed in
/// <c>known-apollo-differences.txt</c> with its reason; a listed one that no longer differs fails too.
/// </summary>
public sealed class DifferentialTests : IClassFixture<DifferentialFixture>
{
    private static readonly KnownDifferences Known = KnownDifferences.Load();
    private static readonly bool ShowKnown = Environment.GetEnvironmentVariable("DIFFERENTIAL_SHOW_KNOWN") == "1";
    private readonly DifferentialFixture _fixture;

    public DifferentialTests(DifferentialFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> Supergraphs() => new(DifferentialFixture.Supergraphs());

    [Theory]
    [MemberData(nameof(Supergraphs))]
    public async Task EngineAnswers_MatchApolloGateway_ExceptKnownApolloDefects(string supergraph)
    {
        ApolloGatewayTool.SkipUnlessAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var requests = _fixture.Requests(supergraph);
        var random = requests.Count(r => r.Id.StartsWith("random-", StringComparison.Ordinal));
        if (File.Exists(Path.Combine(ConformanceCase.Root, supergraph, "supergraph.graphql")))
        {
            Assert.True(random >= DifferentialFixture.RandomQueriesPerSupergraph, $"Only {random} valid random queries were drawn.");
        }

        var (randomGateway, _) = ConformanceCase.LoadFeature(supergraph);
        int matching = 0, @fixed = 0, knownApollo = 0;
        var failures = new StringBuilder();
        foreach (var request in requests)
        {
            // A corpus case or a mutation gets subgraphs of its own (its $counter starts afresh, as on the Apollo side).
            var gateway = request.Id.StartsWith("random-", StringComparison.Ordinal) && !request.Query.StartsWith("mutation", StringComparison.Ordinal)
                ? randomGateway
                : ConformanceCase.LoadFeature(supergraph).Gateway;
            var prepared = await gateway.PrepareAsync(new GatewayRequest(request.Query, request.OperationName, request.Variables), cancellationToken: cancellationToken);
            var result = prepared.Operation is null ? prepared.Error! : await gateway.ExecuteAsync(prepared.Operation, cancellationToken);
            using var engine = JsonDocument.Parse(result.ToJson());
            var apollo = _fixture.ApolloAnswer(supergraph, request.Id);
            var ours = AnswerComparison.Normalise(engine.RootElement);
            var theirs = AnswerComparison.Normalise(apollo);
            var key = supergraph + "/" + request.Id;
            var same = ours == theirs;
            if (Known.Apollo.TryGetValue(key, out var reason))
            {
                knownApollo++;
                if (same)
                {
                    failures.Append($"\n{key} is listed as an Apollo Gateway defect but the answers now match: remove the entry.\n  {request.Query}\n");
                }
                else if (ShowKnown)
                {
                    // For reviewing the list: DIFFERENTIAL_SHOW_KNOWN=1 prints every listed case's query and both answers.
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"{key} (listed: {reason[..Math.Min(60, reason.Length)]}...)\n  query: {request.Query}\n  engine: {ours}\n  apollo: {theirs}\n  apollo raw: {apollo.GetRawText()}\n");
                }
            }
            else if (!same)
            {
                failures.Append($"\n{key} differs:\n  query: {request.Query}\n  engine: {ours}\n  apollo: {theirs}\n  apollo raw: {apollo.GetRawText()}\n");
            }
            else if (Known.Fixed.ContainsKey(key))
            {
                @fixed++;
            }
            else
            {
                matching++;
            }
        }

        foreach (var stale in Known.Apollo.Keys.Concat(Known.Fixed.Keys).Where(k => k.StartsWith(supergraph + "/", StringComparison.Ordinal)
            && !requests.Any(r => supergraph + "/" + r.Id == k)))
        {
            failures.Append($"\n{stale} is listed in {KnownDifferences.FileName} but no such operation was sent.\n");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{supergraph}: {requests.Count} answers compared ({requests.Count - random} corpus cases, {random} random): {matching} matching, {@fixed} fixed, {knownApollo} known Apollo differences ({_fixture.Timing}).");
        Assert.True(failures.Length == 0, failures.ToString());
    }
}
