using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The federation protocol contract every agency subgraph keeps (<see cref="FederationContractTests"/>).</summary>
public sealed class EducationFederationContractTests(SqliteEducationFixture fixture) : FederationContractTests, IClassFixture<SqliteEducationFixture>
{
    protected override string EntityType => "Pupil";

    protected override string KeyField => "upn";

    protected override Task<SubgraphTestHost> HostAsync() => fixture.HostAsync();
}
