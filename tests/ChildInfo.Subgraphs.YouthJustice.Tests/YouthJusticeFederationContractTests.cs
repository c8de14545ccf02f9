using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The federation protocol contract every agency subgraph keeps (<see cref="FederationContractTests"/>).</summary>
public sealed class YouthJusticeFederationContractTests(SqliteYouthJusticeHost fixture) : FederationContractTests, IClassFixture<SqliteYouthJusticeHost>
{
    protected override string EntityType => "YouthJusticeCase";

    protected override string KeyField => "caseId";

    protected override Task<SubgraphTestHost> HostAsync() => Task.FromResult(fixture.Host);
}
