using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.Subgraphs.Tests.Kit;

/// <summary>The Kit's schema installer and bulk writer against each real provider.</summary>
public abstract class DataAccessTests
{
    protected abstract DatabaseProvider Provider { get; }

    private Task<DatabaseOptions> NewDatabaseAsync() => TestDatabases.CreateAsync(Provider, "kit");

    private static readonly AgencySchema Schema = new("test", """
        CREATE TABLE tblThing (
            thing_id NVARCHAR(20) NOT NULL PRIMARY KEY,
            thing_name NVARCHAR(100) NOT NULL,
            born DATE NULL,
            flag CHAR(1) NOT NULL,
            score DECIMAL(5,2) NULL,
            notes NVARCHAR(MAX) NULL
        );
        CREATE INDEX ix_thing_name ON tblThing (thing_name);
        """);

    [Fact]
    public async Task EnsureCreated_TwiceThenBulkInsert_RoundTripsRowsAndLeavesSchemaAlone()
    {
        var database = new AgencyDatabase(await NewDatabaseAsync());

        Assert.True(await SchemaInstaller.EnsureCreatedAsync(database, Schema));
        Assert.False(await SchemaInstaller.EnsureCreatedAsync(database, Schema));

        await using (var writer = await BulkWriter.OpenAsync(database))
        {
            await writer.InsertAsync("tblThing", ["thing_id", "thing_name", "born", "flag", "score", "notes"],
                Enumerable.Range(0, 500).Select(i => new object?[] { $"T{i:000}", $"Thing {i}", new DateOnly(2015, 1, 1).AddDays(i), i % 2 == 0 ? 'Y' : 'N', 1.5m * i, i % 3 == 0 ? null : "note" }));
        }

        await using var connection = await database.OpenAsync();
        Assert.Equal(500, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tblThing"));
        var row = await connection.QuerySingleAsync<Thing>(
            "SELECT thing_id, thing_name, born, flag, score, notes FROM tblThing WHERE thing_id = @id",
            new { id = "T031" });
        Assert.Equal("Thing 31", row.ThingName);
        Assert.Equal(new DateTime(2015, 2, 1), row.Born);
        Assert.Equal("N", row.Flag.Trim());
        Assert.Equal(46.5m, row.Score);
        Assert.Equal("note", row.Notes);
        var ids = (await connection.QueryAsync<string>($"SELECT thing_id FROM tblThing WHERE {database.Dialect.In("thing_id", "@ids")} ORDER BY thing_id", new { ids = new[] { "T001", "T002", "X" } })).ToList();
        Assert.Equal(["T001", "T002"], ids);
    }

    [Fact]
    public async Task EnsureCreated_PartlyCreatedSchema_IsRefused()
    {
        var database = new AgencyDatabase(await NewDatabaseAsync());
        var partial = new AgencySchema("test", Schema.Script + "\nCREATE TABLE tblOther (id INT NOT NULL);");
        await SchemaInstaller.EnsureCreatedAsync(database, Schema);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaInstaller.EnsureCreatedAsync(database, partial));
        Assert.Contains("1 of its 2 tables", error.Message);
    }

    /// <summary>Row shape: settable properties, so Dapper converts each provider's column types.</summary>
    private sealed record Thing
    {
        public string ThingId { get; init; } = "";
        public string ThingName { get; init; } = "";
        public DateTime Born { get; init; }
        public string Flag { get; init; } = "";
        public decimal Score { get; init; }
        public string? Notes { get; init; }
    }
}

public sealed class DataAccessTests_Sqlite : DataAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DataAccessTests_Postgres : DataAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
