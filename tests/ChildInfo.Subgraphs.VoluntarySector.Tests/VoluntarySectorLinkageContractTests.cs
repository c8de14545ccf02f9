using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The linkage contract every agency keeps (<see cref="LinkageContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteVoluntarySectorLinkageContractTests(SqliteVoluntarySectorCohort fixture)
    : LinkageContractTests<VoluntarySectorSubgraph>(fixture), IClassFixture<SqliteVoluntarySectorCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresVoluntarySectorLinkageContractTests(PostgresVoluntarySectorCohort fixture)
    : LinkageContractTests<VoluntarySectorSubgraph>(fixture), IClassFixture<PostgresVoluntarySectorCohort>;
