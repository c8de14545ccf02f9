using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>One seeded voluntary-sector subgraph per provider, shared by that provider's tests.</summary>
public abstract class VoluntarySectorHostFixture : SeededSubgraphFixture<VoluntarySectorSubgraph>
{
    protected override string DatabaseName => "voluntary_sector";

    protected override Task SeedAsync(AgencyDatabase database) => VoluntarySectorSeed.WriteAsync(database);
}

public sealed class SqliteVoluntarySectorHost : VoluntarySectorHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresVoluntarySectorHost : VoluntarySectorHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
