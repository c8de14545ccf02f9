using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The linkage contract every agency keeps (<see cref="LinkageContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteSocialCareLinkageContractTests(SqliteSocialCareCohort fixture)
    : LinkageContractTests<SocialCareSubgraph>(fixture), IClassFixture<SqliteSocialCareCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresSocialCareLinkageContractTests(PostgresSocialCareCohort fixture)
    : LinkageContractTests<SocialCareSubgraph>(fixture), IClassFixture<PostgresSocialCareCohort>;
