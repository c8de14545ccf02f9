using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The cohort contract every agency keeps (<see cref="CohortContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteSocialCareCohortContractTests(SqliteSocialCareCohort fixture)
    : CohortContractTests<SocialCareSubgraph>(fixture), IClassFixture<SqliteSocialCareCohort>;

/// <summary>The same on PostgreSQL, where the facts' SQL must run unchanged.</summary>
public sealed class PostgresSocialCareCohortContractTests(PostgresSocialCareCohort fixture)
    : CohortContractTests<SocialCareSubgraph>(fixture), IClassFixture<PostgresSocialCareCohort>;
