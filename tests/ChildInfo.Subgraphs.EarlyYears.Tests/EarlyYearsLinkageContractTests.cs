using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The linkage contract every agency keeps (<see cref="LinkageContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteEarlyYearsLinkageContractTests(SqliteEarlyYearsCohort fixture)
    : LinkageContractTests<EarlyYearsSubgraph>(fixture), IClassFixture<SqliteEarlyYearsCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresEarlyYearsLinkageContractTests(PostgresEarlyYearsCohort fixture)
    : LinkageContractTests<EarlyYearsSubgraph>(fixture), IClassFixture<PostgresEarlyYearsCohort>;
