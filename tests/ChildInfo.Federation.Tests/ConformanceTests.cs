using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests;

/// <summary>Runs every data-driven case under <c>Conformance/</c> against in-process subgraphs.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Cases() => new(ConformanceCase.All());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_MatchesExpectedPlanAndResponse(string caseName)
    {
        var caseDir = Path.Combine(ConformanceCase.Root, caseName);
        var feature = caseName.Split('/')[0];
        var options = ConformanceCase.ReadOptions(caseDir);
        var gatewayOptions = new FederationEngineOptions
        {
            SubgraphTimeouts = options.Hang.ToDictionary(h => h, _ => TimeSpan.FromMilliseconds(50)),
        };
        var (gateway, transport) = ConformanceCase.LoadFeature(feature, gatewayOptions);
        transport.Failing.UnionWith(options.Fail);
        transport.Hanging.UnionWith(options.Hang);

        var prepared = await ConformanceCase.PrepareAsync(gateway, caseDir, options, TestContext.Current.CancellationToken);
        GatewayResult result;
        if (prepared.Operation is not null)
        {
            ConformanceCase.Expect(caseName, "plan.txt", prepared.Operation.PlanText);
            result = await gateway.ExecuteAsync(prepared.Operation, TestContext.Current.CancellationToken);
            Assert.False(result.IsRequestError);
        }
        else
        {
            result = prepared.Error!;
            Assert.True(result.IsRequestError);
            Assert.False(File.Exists(Path.Combine(caseDir, "plan.txt")), "A request error has no plan.");
        }

        ConformanceCase.Expect(caseName, "response.json", ConformanceCase.Pretty(result.ToJson()));
        if (File.Exists(Path.Combine(caseDir, "calls.txt")) || options.RecordCalls)
        {
            ConformanceCase.Expect(caseName, "calls.txt", string.Join('\n', transport.Calls.Order(StringComparer.Ordinal)));
        }
    }
}
