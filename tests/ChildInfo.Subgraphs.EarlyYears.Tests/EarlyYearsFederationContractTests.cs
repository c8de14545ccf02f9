using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The federation protocol contract every agency subgraph keeps (<see cref="FederationContractTests"/>).</summary>
public sealed class EarlyYearsFederationContractTests(SqliteEarlyYearsFixture fixture) : FederationContractTests, IClassFixture<SqliteEarlyYearsFixture>
{
    protected override string EntityType => "EarlyYearsChild";

    protected override string KeyField => "eyChildId";

    protected override Task<SubgraphTestHost> HostAsync() => fixture.HostAsync();
}
