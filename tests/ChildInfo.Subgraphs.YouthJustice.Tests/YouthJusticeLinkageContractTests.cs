using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The linkage contract every agency keeps (<see cref="LinkageContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteYouthJusticeLinkageContractTests(SqliteYouthJusticeCohort fixture)
    : LinkageContractTests<YouthJusticeSubgraph>(fixture), IClassFixture<SqliteYouthJusticeCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresYouthJusticeLinkageContractTests(PostgresYouthJusticeCohort fixture)
    : LinkageContractTests<YouthJusticeSubgraph>(fixture), IClassFixture<PostgresYouthJusticeCohort>;
