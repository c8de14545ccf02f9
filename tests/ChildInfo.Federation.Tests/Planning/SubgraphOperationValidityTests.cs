using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Planning;

/// <summary>
/// The planner's invariant: every operation it sends to a subgraph is valid against that subgraph's own schema, as
/// the supergraph records it. Checked for the plan of every case of the conformance corpus.
/// </summary>
public sealed class SubgraphOperationValidityTests
{
    public static TheoryData<string> Cases() => new(ConformanceCase.All());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryFetch_ValidatesAgainstItsSubgraphsProjectedSchema(string caseName)
    {
        var caseDir = Path.Combine(ConformanceCase.Root, caseName);
        var options = ConformanceCase.ReadOptions(caseDir);
        var (gateway, _) = ConformanceCase.LoadFeature(caseName.Split('/')[0]);
        var prepared = await ConformanceCase.PrepareAsync(gateway, caseDir, options, TestContext.Current.CancellationToken);
        if (prepared.Operation is null)
        {
            // A request error: nothing is planned, so nothing is sent.
            Assert.True(prepared.Error!.IsRequestError);
            return;
        }

        var validator = new SubgraphOperationValidator(gateway.Supergraph);
        var failures = new List<string>();
        foreach (var fetch in Fetches(prepared.Operation.Plan.Root))
        {
            foreach (var error in await validator.ValidateAsync(fetch.ServiceName, fetch.OperationText, ConformanceCase.Variables(caseDir)))
            {
                failures.Add($"{fetch.ServiceName}: {error}\n  {fetch.OperationText}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    internal static IEnumerable<FetchStep> Fetches(PlanNode? node) => node switch
    {
        FetchStep fetch => [fetch],
        FlattenStep flatten => [flatten.Fetch],
        BatchStep batch => [batch.Call],
        SequenceStep sequence => sequence.Nodes.SelectMany(Fetches),
        ParallelStep parallel => parallel.Nodes.SelectMany(Fetches),
        _ => [],
    };
}
