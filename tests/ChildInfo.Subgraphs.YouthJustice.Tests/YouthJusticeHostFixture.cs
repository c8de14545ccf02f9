using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>One seeded youth justice subgraph per provider, shared by that provider's tests.</summary>
public abstract class YouthJusticeHostFixture : SeededSubgraphFixture<YouthJusticeSubgraph>
{
    protected override string DatabaseName => "youth_justice";

    protected override Task SeedAsync(AgencyDatabase database) => YouthJusticeSeed.WriteAsync(database);
}

public sealed class SqliteYouthJusticeHost : YouthJusticeHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresYouthJusticeHost : YouthJusticeHostFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
