using ChildInfo.SampleData.Generation;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;
using Dapper;

namespace ChildInfo.SampleData.Tests.Generation;

/// <summary>
/// Generates 500 children through every agency writer into real databases of one provider and checks what landed
/// against the population itself. One subclass per provider.
/// </summary>
public abstract class EndToEndGenerationTests
{
    private const int Children = 500;
    private const int Seed = 77;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The main table of each agency's database and which children it should hold one row for.</summary>
    private static readonly Dictionary<string, (string Table, Func<SyntheticChild, bool> Known)> PersonTables = new()
    {
        [Agency.ChildIndex] = ("ci_child", _ => true),
        [Agency.Education] = ("PUPIL", c => c.Education is not null),
        [Agency.EarlyYears] = ("EY_CHILD", c => c.EarlyYears is not null),
        [Agency.SocialCare] = ("ssd_person", c => c.SocialCare is not null),
        [Agency.VoluntarySector] = ("tblParticipant", c => c.VoluntarySector is not null),
    };

    private async Task<SampleDataOptions> OptionsAsync()
    {
        var databases = new Dictionary<string, DatabaseOptions>();
        foreach (var agency in Agency.All)
        {
            databases[agency] = await TestDatabases.CreateAsync(Provider, "gen_" + agency.Replace('-', '_'));
        }

        return new SampleDataOptions { Children = Children, Seed = Seed, ChunkSize = 128, Databases = databases };
    }

    [Fact]
    public async Task Generate_EveryAgencyDatabase_HoldsTheChildrenItKnows()
    {
        var options = await OptionsAsync();
        var summary = await new SampleDataGenerator().GenerateAsync(options);
        var population = new PopulationGenerator(Seed).Generate(Children).ToArray();

        var writers = AgencyWriters.All();
        Assert.Equal(writers.Select(w => w.Agency), summary.Agencies.Select(a => a.Agency));
        foreach (var agency in summary.Agencies)
        {
            var writer = writers.Single(w => w.Agency == agency.Agency);
            Assert.Equal(writer.Schema.Tables, agency.RowCounts.Select(r => r.Key));
            Assert.True(agency.TotalRows > 0, $"{agency.Agency} wrote nothing");
            if (PersonTables.TryGetValue(agency.Agency, out var person))
            {
                var expected = population.Count(person.Known);
                Assert.True(expected > 0);
                Assert.Equal(expected, agency.RowCounts.Single(r => string.Equals(r.Key, person.Table, StringComparison.OrdinalIgnoreCase)).Value);
                Assert.Equal(expected, await CountAsync(options.DatabaseFor(agency.Agency), person.Table));
            }
        }

        var links = population.Sum(c => SamplePopulationRecords(c));
        Assert.Equal(links, await CountAsync(options.DatabaseFor(Agency.ChildIndex), "ci_record_link"));
    }

    [Fact]
    public async Task Generate_SameSeedTwice_GivesIdenticalChildIndexes()
    {
        var first = await OptionsAsync();
        var second = await OptionsAsync();
        await new SampleDataGenerator().GenerateAsync(first with { Agencies = [Agency.ChildIndex] });
        await new SampleDataGenerator().GenerateAsync(second with { Agencies = [Agency.ChildIndex] });

        const string Sql = "SELECT child_id, forename, surname, postcode, nhs_number, upn FROM ci_child ORDER BY child_id";
        Assert.Equal(await RowsAsync(first.DatabaseFor(Agency.ChildIndex), Sql), await RowsAsync(second.DatabaseFor(Agency.ChildIndex), Sql));
    }

    [Fact]
    public async Task Generate_IntoADatabaseThatHoldsData_IsRefusedUnlessOverwriting()
    {
        var options = await OptionsAsync() with { Agencies = [Agency.ChildIndex] };
        await new SampleDataGenerator().GenerateAsync(options);

        await Assert.ThrowsAsync<SampleDataException>(() => new SampleDataGenerator().GenerateAsync(options with { Children = 200 }));
        Assert.Equal(Children, await CountAsync(options.DatabaseFor(Agency.ChildIndex), "ci_child"));

        await new SampleDataGenerator().GenerateAsync(options with { Children = 200, Overwrite = true });
        Assert.Equal(200, await CountAsync(options.DatabaseFor(Agency.ChildIndex), "ci_child"));
    }

    private static int SamplePopulationRecords(SyntheticChild c) =>
        (c.Education is null ? 0 : 1) + (c.EarlyYears is null ? 0 : 1) + (c.SocialCare is null ? 0 : 1) + (c.VoluntarySector is null ? 0 : 1);

    private static async Task<long> CountAsync(DatabaseOptions database, string table)
    {
        await using var connection = await new AgencyDatabase(database).OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    private static async Task<string[]> RowsAsync(DatabaseOptions database, string sql)
    {
        await using var connection = await new AgencyDatabase(database).OpenAsync();
        var rows = await connection.QueryAsync(sql);
        return rows.Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values)).ToArray();
    }
}

public sealed class SqliteEndToEndGenerationTests : EndToEndGenerationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresEndToEndGenerationTests : EndToEndGenerationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
