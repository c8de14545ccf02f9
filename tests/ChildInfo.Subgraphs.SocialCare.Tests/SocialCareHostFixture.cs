using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>One seeded social-care subgraph per provider, shared by that provider's tests.</summary>
public abstract class SocialCareHostFixture : SeededSubgraphFixture<SocialCareSubgraph>
{
    protected override string DatabaseName => "social_care";

    protected override Task SeedAsync(AgencyDatabase database) => SocialCareSeed.WriteAsync(database);
}

public sealed class SqliteSocialCareHost : SocialCareHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSocialCareHost : SocialCareHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
