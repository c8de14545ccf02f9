using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The federation protocol contract every agency subgraph keeps (<see cref="FederationContractTests"/>).</summary>
public sealed class VoluntarySectorFederationContractTests(SqliteVoluntarySectorHost fixture) : FederationContractTests, IClassFixture<SqliteVoluntarySectorHost>
{
    protected override string EntityType => "VcsParticipant";

    protected override string KeyField => "participantId";

    protected override Task<SubgraphTestHost> HostAsync() => Task.FromResult(fixture.Host);
}
