using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.SampleData.Generation;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// The gateways of <see cref="AnalyticsGatewayFixture"/> over the same population (the generator's children and seed
/// of <see cref="GatewayEnvironment"/>) written into PostgreSQL: one database per agency on a real server, as an
/// authority points a subgraph at PostgreSQL. Without a PostgreSQL server each test is skipped (or fails under CI).
/// </summary>
public sealed class PostgresAnalyticsGatewayFixture(GatewayEnvironment environment) : AnalyticsGatewayFixture(environment)
{
    private readonly Dictionary<string, DatabaseOptions> _databases = [];

    /// <summary>Counts worked out from the PostgreSQL databases the subgraphs run over.</summary>
    public override GroundTruth Truth => new(_databases);

    protected override async Task<DemoSubgraphs> StartSubgraphsAsync()
    {
        var agencies = DemoSubgraphs.Definitions().Select(d => d.Name).ToList();
        foreach (var agency in agencies)
        {
            _databases[agency] = new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = await RealServers.PostgresDatabaseAsync("analytics-" + agency).ConfigureAwait(false),
            };
        }

        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions
        {
            Children = GatewayEnvironment.Children,
            Seed = GatewayEnvironment.Seed,
            ChunkSize = 100,
            Agencies = agencies,
            Databases = _databases,
        }).ConfigureAwait(false);
        return await DemoSubgraphs.StartAsync(name => _databases[name], preferredPorts: false, ContextKey, CancellationToken.None).ConfigureAwait(false);
    }
}
