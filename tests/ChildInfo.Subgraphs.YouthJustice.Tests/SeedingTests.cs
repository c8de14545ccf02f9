using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using ChildInfo.Subgraphs.YouthJustice.Seeding;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The sample cases drawn from a child index: who gets them, what they hold, and that the draw never changes.</summary>
public sealed class SeedingTests
{
    private static readonly ChildIndexSnapshot Index = new(ChildIndexFile.AsOf, ChildIndexFile.Population(12_000));

    [Fact]
    public void Generate_SameIndex_SameCasesVoicesAndPreferences()
    {
        var first = CaseGenerator.Generate(Index);
        var second = CaseGenerator.Generate(Index with { Children = [.. Index.Children.Reverse()] });

        Assert.NotEmpty(first.Cases);
        Assert.Equal(first.People, second.People);
        Assert.Equal(first.Cases, second.Cases);
        Assert.Equal(first.Voices, second.Voices);
        Assert.Equal(first.Preferences, second.Preferences);
    }

    [Fact]
    public void Generate_TwelveThousandChildren_AboutOneAndAHalfPercentOfThoseAged10To17HaveOneOrTwoCases()
    {
        var data = CaseGenerator.Generate(Index);

        var eligible = Index.Children.Count(c => CaseGenerator.AgeOn(c.DateOfBirth, Index.AsOf) is >= 10 and <= 17);
        var share = (double)data.People.Count / eligible;
        Assert.InRange(share, 0.010, 0.020);
        var byChild = data.Cases.GroupBy(c => c.ChildIndexId).ToList();
        Assert.Equal(data.People.Count, byChild.Count);
        Assert.All(byChild, g => Assert.InRange(g.Count(), 1, 2));
        Assert.Contains(byChild, g => g.Count() == 2);
        var children = Index.Children.ToDictionary(c => c.ChildId);
        Assert.All(data.People, p => Assert.InRange(CaseGenerator.AgeOn(children[p.ChildIndexId!].DateOfBirth, Index.AsOf), 10, 17));
        Assert.True(data.People.Count(p => p.Sex == "M") > 3 * data.People.Count(p => p.Sex == "F"), "boys should far outnumber girls");
    }

    [Fact]
    public void Generate_EveryCase_PlausibleDatesOutcomesRatingsAndStatus()
    {
        var data = CaseGenerator.Generate(Index);

        Assert.All(data.Cases, c =>
        {
            Assert.Contains(c.OutcomeType, OutcomeTypes.All);
            Assert.Contains(c.OffenceCategory, OffenceCategories.All);
            Assert.StartsWith("yjs-", c.CaseWorker.WorkerId, StringComparison.Ordinal);
            Assert.StartsWith("yjs-", c.CaseWorker.TeamId, StringComparison.Ordinal);
            Assert.True(c.OffenceDate >= c.DateOfBirth!.Value.AddYears(10), $"{c.CaseId}: offence before the age of criminal responsibility");
            Assert.True(c.OffenceDate <= c.OutcomeDate && c.OutcomeDate <= Index.AsOf, $"{c.CaseId}: dates out of order");
            Assert.Equal(c.OutcomeType == OutcomeTypes.CommunityResolution, c.AssessedOn is null);
            if (c.AssessedOn is { } assessed)
            {
                Assert.InRange(assessed, c.OffenceDate, c.OutcomeDate);
                Assert.Contains(c.LikelihoodOfReoffending, AssetPlusRatings.LikelihoodOfReoffending);
                Assert.Contains(c.RiskOfSeriousHarm, AssetPlusRatings.RiskOfSeriousHarm);
                Assert.Contains(c.SafetyAndWellbeing, AssetPlusRatings.SafetyAndWellbeing);
            }
            Assert.Equal(c.Status == "CLOSED", c.ClosedOn is not null);
            Assert.True(c.ClosedOn is null || (c.ClosedOn > c.OutcomeDate && c.ClosedOn <= Index.AsOf), $"{c.CaseId}: closed out of range");
            if (OutcomeTypes.TierOf(c.OutcomeType) == OutcomeTypes.Custody)
            {
                Assert.DoesNotContain("SUMMARY", c.OffenceCategory, StringComparison.Ordinal);
            }
        });
        Assert.All(data.Voices, v => Assert.Contains(data.Cases, c => c.CaseId == v.OwnerId));
        Assert.All(data.Preferences, p => Assert.Contains(data.Cases, c => c.CaseId == p.OwnerId));
        Assert.Equal(data.Cases.Count, data.Cases.Select(c => c.CaseId).Distinct().Count());
        Assert.True(data.Cases.Count(c => OutcomeTypes.TierOf(c.OutcomeType) == OutcomeTypes.Custody) < data.Cases.Count / 5, "custody should be rare");
    }

    [Fact]
    public async Task EnsureSeeded_SameChildIndexFile_SameRowsInTwoDatabases()
    {
        var index = await ChildIndexFile.CreateAsync(ChildIndexFile.Population(3_000));

        var first = await SeedFreshAsync(index);
        var second = await SeedFreshAsync(index);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task EnsureSeeded_DatabaseAlreadyHoldsCases_LeftAlone()
    {
        var index = await ChildIndexFile.CreateAsync(ChildIndexFile.Population(3_000));
        var database = await FreshDatabaseAsync();
        var seeded = await YouthJusticeSeeder.EnsureSeededAsync(database, index);

        var again = await YouthJusticeSeeder.EnsureSeededAsync(database, Path.Combine(Path.GetTempPath(), "no-such-child-index.db"));

        Assert.NotNull(seeded);
        Assert.Null(again);
        Assert.Equal(seeded!.Cases.Count, await CountAsync(database, "yj_case"));
    }

    [Fact]
    public async Task EnsureSeeded_MissingChildIndex_SaysHowToCreateIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"childinfo-yj-missing-{Guid.NewGuid():N}", "child-index.db");
        var database = await FreshDatabaseAsync();

        var error = await Assert.ThrowsAsync<ChildIndexUnavailableException>(() => YouthJusticeSeeder.EnsureSeededAsync(database, missing));

        Assert.Contains($"'{missing}' does not exist", error.Message);
        Assert.Contains("run the gateway demo once", error.Message);
        Assert.Contains("YouthJustice__ChildIndexDatabase", error.Message);
    }

    [Fact]
    public async Task ReadChildIndex_AfterALinkageRunAddsAChild_KeepsTheDayTheIndexWasFirstWritten()
    {
        var path = await ChildIndexFile.CreateAsync(ChildIndexFile.Population(20));
        // A linkage run dates only the children it tells apart; the others keep their created_on.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("INSERT INTO ci_child (child_id, forename, surname, sex, dob, postcode, created_on) VALUES ('CH-LATER001', 'Later', 'Child', 'F', '2012-03-04', 'NS1 1AA', '2027-02-01')");
        }

        var index = await ChildIndexReader.ReadAsync(path);

        Assert.Equal(21, index.Children.Count);
        Assert.Equal(ChildIndexFile.AsOf, index.AsOf);
    }

    [Fact]
    public async Task ReadChildIndex_FileWithoutChildTable_SaysItIsNotAChildIndex()
    {
        var path = ChildIndexFile.TempPath("not-an-index");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE something_else (id TEXT)");
        }

        var error = await Assert.ThrowsAsync<ChildIndexUnavailableException>(() => ChildIndexReader.ReadAsync(path));

        Assert.Contains("is not a child-index database: it has no ci_child table", error.Message);
    }

    [Fact]
    public async Task EnsureSeeded_PeopleButNoCases_RefusesRatherThanDuplicating()
    {
        var database = await FreshDatabaseAsync();
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO yj_person (person_id, child_index_id) VALUES ('YP-000001', 'CH-1')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => YouthJusticeSeeder.EnsureSeededAsync(database, "unused.db"));

        Assert.Contains("an earlier seeding was interrupted", error.Message);
    }

    private static async Task<AgencyDatabase> FreshDatabaseAsync()
    {
        var database = new AgencyDatabase(DatabaseOptions.SqliteFile(ChildIndexFile.TempPath("youth-justice")));
        await SchemaInstaller.EnsureCreatedAsync(database, YouthJusticeSubgraph.Schema);
        return database;
    }

    /// <summary>Seeds a new database from <paramref name="index"/> and returns every row of every table as text.</summary>
    private static async Task<List<string>> SeedFreshAsync(string index)
    {
        var database = await FreshDatabaseAsync();
        await YouthJusticeSeeder.EnsureSeededAsync(database, index);
        var rows = new List<string>();
        await using var connection = await database.OpenAsync();
        foreach (var table in YouthJusticeSubgraph.Schema.Tables)
        {
            var all = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1");
            rows.AddRange(all.Select(r => table + ": " + string.Join("|", ((IDictionary<string, object?>)r).Values)));
        }
        return rows;
    }

    private static async Task<long> CountAsync(AgencyDatabase database, string table)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
