namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// The counting suite with every agency's subgraph over PostgreSQL, and the same population's released table
/// compared with the SQLite run's: the agencies' SQL, not the database, decides what is published.
/// </summary>
public sealed class PostgresCohortCountTests(PostgresAnalyticsGatewayFixture fixture, AnalyticsGatewayFixture sqlite)
    : CohortCountTests(fixture), IClassFixture<PostgresAnalyticsGatewayFixture>, IClassFixture<AnalyticsGatewayFixture>
{
    [Fact]
    public async Task ThreeAgencies_ByAgeBandAndEthnicGroup_ReleaseTheSameTableAsOverSqlite()
    {
        var postgres = Table((await fixture.Protected.TableAsync(ThreeAgencies)).Body);
        var sqliteTable = Table((await sqlite.Protected.TableAsync(ThreeAgencies)).Body);

        Assert.Equal(sqliteTable.GetProperty("csv").GetString(), postgres.GetProperty("csv").GetString());
        Assert.Equal(sqliteTable.GetProperty("released").GetInt32(), postgres.GetProperty("released").GetInt32());
        Assert.Equal(sqliteTable.GetProperty("suppressed").GetInt32(), postgres.GetProperty("suppressed").GetInt32());
        // Something is published, so the comparison is of figures, not of two tables of symbols.
        Assert.True(postgres.GetProperty("released").GetInt32() > 0, postgres.GetProperty("csv").GetString());
    }
}
