using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The federation protocol contract every agency subgraph keeps (<see cref="FederationContractTests"/>).</summary>
public sealed class SocialCareFederationContractTests(SqliteSocialCareHost fixture) : FederationContractTests, IClassFixture<SqliteSocialCareHost>
{
    protected override string EntityType => "SocialCareChild";

    protected override string KeyField => "personId";

    protected override Task<SubgraphTestHost> HostAsync() => Task.FromResult(fixture.Host);
}
