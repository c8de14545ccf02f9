using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// A synthetic population written by <see cref="SocialCareWriter"/> into SQLite, with the subgraph started over
/// it, so tests can hold the database to the children's circumstances.
/// </summary>
public sealed class SocialCareWriterFixture : IAsyncLifetime
{
    public const int Seed = 20261001;
    public const int PopulationSize = 12_000;

    public DateOnly ReferenceDate { get; } = PopulationGenerator.DefaultReferenceDate;

    /// <summary>Children social care knows, as generated.</summary>
    public IReadOnlyList<SyntheticChild> Known { get; private set; } = [];

    public int PreferencesHeld { get; private set; }

    public SubgraphTestHost Host { get; private set; } = null!;

    public AgencyDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var options = await WriteAsync("sc-writer");
        Host = await SubgraphTestHost.StartAsync(new SocialCareSubgraph(), options);
        Database = Host.Database;
    }

    /// <summary>Generates the population and writes it with a fresh writer into a new SQLite file.</summary>
    public async Task<DatabaseOptions> WriteAsync(string name, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var generator = new PopulationGenerator(Seed, ReferenceDate);
        var context = new GenerationContext(Seed, ReferenceDate, ReferenceDataFactory.Create());
        var writer = new SocialCareWriter();
        var options = await TestDatabases.CreateAsync(provider, name);
        var database = new AgencyDatabase(options);
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema);
        var known = new List<SyntheticChild>();
        await using (var bulk = await BulkWriter.OpenAsync(database))
        {
            await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
            foreach (var chunk in generator.GenerateChunks(PopulationSize, 2_500))
            {
                await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
                known.AddRange(chunk.Where(c => c.SocialCare is not null));
            }
        }
        Known = known;
        PreferencesHeld = known.Sum(c => c.Preferences.Count(p => p.HeldBy == Agency.SocialCare));
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
