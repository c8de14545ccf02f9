using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>
/// A synthetic population written by <see cref="VoluntarySectorWriter"/> into SQLite, with the subgraph started
/// over it, so tests can hold the database to the children's circumstances.
/// </summary>
public sealed class VoluntarySectorWriterFixture : IAsyncLifetime
{
    public const int Seed = 4005;
    public const int PopulationSize = 6_000;

    public DateOnly ReferenceDate { get; } = PopulationGenerator.DefaultReferenceDate;

    /// <summary>Children the voluntary sector knows, as generated.</summary>
    public IReadOnlyList<SyntheticChild> Known { get; private set; } = [];

    public ReferenceData Reference { get; } = ReferenceDataFactory.Create();

    public SubgraphTestHost Host { get; private set; } = null!;

    public AgencyDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var options = await WriteAsync("vcs-writer");
        Host = await SubgraphTestHost.StartAsync(new VoluntarySectorSubgraph(), options);
        Database = Host.Database;
    }

    /// <summary>Generates the population and writes it with a fresh writer into a new SQLite file.</summary>
    public async Task<DatabaseOptions> WriteAsync(string name, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var generator = new PopulationGenerator(Seed, ReferenceDate);
        var context = new GenerationContext(Seed, ReferenceDate, Reference);
        var writer = new VoluntarySectorWriter();
        var options = await TestDatabases.CreateAsync(provider, name);
        var database = new AgencyDatabase(options);
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema);
        var known = new List<SyntheticChild>();
        await using (var bulk = await BulkWriter.OpenAsync(database))
        {
            await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
            foreach (var chunk in generator.GenerateChunks(PopulationSize, 2_000))
            {
                await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
                known.AddRange(chunk.Where(c => c.VoluntarySector is not null));
            }
        }
        Known = known;
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
