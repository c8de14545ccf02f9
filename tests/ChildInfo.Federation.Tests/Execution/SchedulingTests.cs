using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Tests.Execution;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Execute_SlowFetch_DoesNotHoldBackFetchesThatDoNotDependOnIt()
    {
        // Level 1: inventory (slow) and reviews; level 2: accounts, which needs only reviews.
        var (_, inner) = ConformanceCase.LoadFeature("entities");
        var transport = new GatedTransport(inner, slow: "inventory", releasedBy: "accounts");
        var gateway = FederationEngine.Create(
            File.ReadAllText(Path.Combine(ConformanceCase.Root, "entities", "supergraph.graphql")), transport);

        var result = await gateway.ExecuteAsync(
            new GatewayRequest("{ topProducts { inStock reviews { author { name } } } }"),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(transport.ReleasedInTime, "accounts was not called while inventory was still answering");
        Assert.DoesNotContain("\"errors\"", result.ToJson(), StringComparison.Ordinal);
    }

    /// <summary>Holds one subgraph's answer until another subgraph is called (or a few seconds pass).</summary>
    private sealed class GatedTransport(ISubgraphTransport inner, string slow, string releasedBy) : ISubgraphTransport
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool ReleasedInTime { get; private set; }

        public async Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
        {
            if (request.Subgraph.Name == releasedBy)
            {
                _release.TrySetResult();
            }

            if (request.Subgraph.Name == slow)
            {
                var winner = await Task.WhenAny(_release.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                ReleasedInTime = winner == _release.Task;
            }

            return await inner.SendAsync(request, cancellationToken);
        }
    }
}
