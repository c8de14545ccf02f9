using System.Text.Json;
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
        var options = ReadOptions(caseDir);
        var gatewayOptions = new FederatedGatewayOptions
        {
            SubgraphTimeouts = options.Hang.ToDictionary(h => h, _ => TimeSpan.FromMilliseconds(50)),
        };
        var (gateway, transport) = ConformanceCase.LoadFeature(feature, gatewayOptions);
        transport.Failing.UnionWith(options.Fail);
        transport.Hanging.UnionWith(options.Hang);

        var variablesFile = Path.Combine(caseDir, "variables.json");
        var request = new GatewayRequest(
            File.ReadAllText(Path.Combine(caseDir, "operation.graphql")),
            options.OperationName,
            File.Exists(variablesFile) ? JsonDocument.Parse(File.ReadAllText(variablesFile)).RootElement : null);

        var prepared = options.Guard is null
            ? await gateway.PrepareAsync(request, cancellationToken: TestContext.Current.CancellationToken)
            : await gateway.PrepareAsync(request, GuardedAllowAll.ScopeKey, new GuardedAllowAll(new FlagGuard(options.Guard)), TestContext.Current.CancellationToken);
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

    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    private static CaseOptions ReadOptions(string caseDir)
    {
        var file = Path.Combine(caseDir, "options.json");
        return File.Exists(file)
            ? JsonSerializer.Deserialize<CaseOptions>(File.ReadAllText(file), WebOptions)!
            : new CaseOptions();
    }

    private sealed record CaseOptions
    {
        public string? OperationName { get; init; }

        public string[] Fail { get; init; } = [];

        public string[] Hang { get; init; } = [];

        public bool RecordCalls { get; init; }

        /// <summary>Runs the case under a <see cref="FlagGuard"/> that fetches these fields per type.</summary>
        public Dictionary<string, string>? Guard { get; init; }
    }
}
