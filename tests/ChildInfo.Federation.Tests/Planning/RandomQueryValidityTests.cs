using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Planning;

/// <summary>
/// The planner's invariant over operations nobody picked: for random operations (seeded) over every supergraph of the
/// conformance corpus, every fetch of every plan validates against its subgraph's projected schema.
/// </summary>
public sealed class RandomQueryValidityTests
{
    private const int QueriesPerSupergraph = 200;
    private const string PlannerNamespace = "fed__";

    public static TheoryData<string> Features() =>
        new(Directory.GetDirectories(ConformanceCase.Root)
            .Where(d => File.Exists(Path.Combine(d, "supergraph.graphql")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Features))]
    public async Task RandomOperations_EveryFetchValidatesAgainstItsSubgraph(string feature)
    {
        var (gateway, transport) = ConformanceCase.LoadFeature(feature);
        var validator = new SubgraphOperationValidator(gateway.Supergraph);
        var queries = new RandomQueries(gateway.ApiSchema, seed: feature.Length * 7919);
        var failures = new List<string>();
        var planned = 0;
        var planningFailed = 0;
        for (var i = 0; i < QueriesPerSupergraph; i++)
        {
            var text = queries.Next();
            var prepared = await gateway.PrepareAsync(new GatewayRequest(text, null, null), cancellationToken: TestContext.Current.CancellationToken);
            if (prepared.Operation is null)
            {
                // Refused as invalid, or a planning capability still missing: either way nothing is sent.
                Assert.All(prepared.Error!.Errors, e => Assert.NotEqual(ErrorCodes.InternalError, e.Code));
                planningFailed += prepared.Error.Errors.Any(e => e.Code == ErrorCodes.PlanningFailed) ? 1 : 0;
                continue;
            }

            planned++;

            // Run too: whatever the canned data holds, no internal error, and none of the planner's names reaches the client.
            var result = await gateway.ExecuteAsync(prepared.Operation, TestContext.Current.CancellationToken);
            var json = result.ToJson();
            if (json.Contains(PlannerNamespace, StringComparison.Ordinal) || result.Errors.Any(e => e.Code == ErrorCodes.InternalError))
            {
                failures.Add($"{text}\n  answered: {json}");
            }

            foreach (var fetch in SubgraphOperationValidityTests.Fetches(prepared.Operation.Plan.Root))
            {
                foreach (var error in await validator.ValidateAsync(fetch.ServiceName, fetch.OperationText, null))
                {
                    failures.Add($"{text}\n  {fetch.ServiceName}: {error}\n  {fetch.OperationText}");
                }

                // The subgraph itself, built from its own SDL, must accept it too: the projection is no looser than the subgraph.
                if (await transport.ValidationErrorAsync(fetch.ServiceName, fetch.OperationText) is { } refused)
                {
                    failures.Add($"{text}\n  {fetch.ServiceName} (own SDL): {refused}\n  {fetch.OperationText}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{feature}: {planned} planned and checked, {planningFailed} refused by the planner, {QueriesPerSupergraph - planned - planningFailed} invalid.");
        Assert.True(planned > 0, "No random operation was valid.");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct().Take(10)));
    }
}
