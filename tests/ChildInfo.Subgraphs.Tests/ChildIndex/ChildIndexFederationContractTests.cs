using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Tests.ChildIndex;

/// <summary>The federation protocol contract every subgraph keeps (<see cref="FederationContractTests"/>), for the child index.</summary>
public sealed class ChildIndexFederationContractTests : FederationContractTests, IAsyncLifetime
{
    private SubgraphTestHost _host = null!;

    protected override string EntityType => "Child";

    protected override string KeyField => "id";

    protected override Task<SubgraphTestHost> HostAsync() => Task.FromResult(_host);

    public async ValueTask InitializeAsync() => _host = await SubgraphTestHost.StartAsync(new ChildIndexSubgraph(), SubgraphTestHost.TempSqlite("contract"));

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
