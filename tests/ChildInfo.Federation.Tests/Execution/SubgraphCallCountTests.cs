using System.Globalization;
using System.Text;
using ChildInfo.Federation.Tests.Differential;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// How many subgraph calls the engine makes, counted on the operations the differential test sends (every corpus case
/// that runs with all subgraphs up, and the seeded random queries of each supergraph), against the reviewed counts in
/// <c>subgraph-calls.txt</c>: a plan change that adds calls shows here, and one that saves calls updates the file
/// (<c>UPDATE_CONFORMANCE=1</c>).
/// </summary>
public sealed class SubgraphCallCountTests
{
    private const string FileName = "subgraph-calls.txt";

    [Fact]
    public async Task SubgraphCalls_PerSupergraph_MatchReviewedCounts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var report = new StringBuilder();
        report.Append("# Subgraph calls the engine makes for the differential test's operations (SubgraphCallCountTests):\n");
        report.Append("# <supergraph>: <calls> calls for <operations> operations (corpus cases + random queries).\n");
        int totalCalls = 0, totalOperations = 0;
        foreach (var supergraph in DifferentialFixture.Supergraphs().Where(s => File.Exists(Path.Combine(ConformanceCase.Root, s, "supergraph.graphql"))))
        {
            var requests = DifferentialFixture.CorpusRequests(supergraph).ToList();
            requests.AddRange(await DifferentialFixture.RandomRequestsAsync(supergraph));
            var calls = 0;
            var shared = ConformanceCase.LoadFeature(supergraph);
            foreach (var request in requests)
            {
                // As in the differential test: a corpus case or a mutation gets subgraphs of its own.
                var (gateway, transport) = request.Id.StartsWith("random-", StringComparison.Ordinal) && !request.Query.StartsWith("mutation", StringComparison.Ordinal)
                    ? shared
                    : ConformanceCase.LoadFeature(supergraph);
                var before = transport.Calls.Count;
                var prepared = await gateway.PrepareAsync(new GatewayRequest(request.Query, request.OperationName, request.Variables), cancellationToken: cancellationToken);
                if (prepared.Operation is not null)
                {
                    await gateway.ExecuteAsync(prepared.Operation, cancellationToken);
                }

                calls += transport.Calls.Count - before;
            }

            totalCalls += calls;
            totalOperations += requests.Count;
            report.Append(CultureInfo.InvariantCulture, $"{supergraph}: {calls} calls for {requests.Count} operations\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"total: {totalCalls} calls for {totalOperations} operations\n");
        var actual = report.ToString();
        if (Environment.GetEnvironmentVariable("UPDATE_CONFORMANCE") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(ConformanceCase.SourceRoot())!, "Execution", FileName), actual, cancellationToken);
            return;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(actual);
        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Execution", FileName), cancellationToken);
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual);
    }
}
