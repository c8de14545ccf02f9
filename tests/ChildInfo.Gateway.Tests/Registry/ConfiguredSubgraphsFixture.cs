using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>The five sample subgraphs' SDLs, fetched once: what a demo gateway is configured with.</summary>
public sealed class ConfiguredSubgraphsFixture(GatewayEnvironment environment) : IAsyncLifetime
{
    public IReadOnlyList<SubgraphSdl> Subgraphs { get; private set; } = [];

    public GatewayEnvironment Environment => environment;

    public async ValueTask InitializeAsync() =>
        Subgraphs = (await DemoSupergraph.ComposeAsync(environment.SubgraphUrls, TextWriter.Null, CancellationToken.None).ConfigureAwait(false)).Subgraphs;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
