using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>A generated population written by the generator's social care writer, behind a subgraph with a context key.</summary>
public abstract class SocialCareCohortFixture() : CohortFixture<SocialCareSubgraph>(new SocialCareSubgraph())
{
    public const int Seed = 20261001;
    public const int PopulationSize = 12_000;

    public override DateOnly ReferenceDate => PopulationGenerator.DefaultReferenceDate;

    public override string RecordKeysSql => "SELECT pers_person_id FROM ssd_person";

    /// <summary>The children social care knows, as generated.</summary>
    public List<SyntheticChild> Known { get; } = [];

    protected override async Task WriteAsync(AgencyDatabase database)
    {
        var generator = new PopulationGenerator(Seed, ReferenceDate);
        var context = new GenerationContext(Seed, ReferenceDate, ReferenceDataFactory.Create());
        var writer = new SocialCareWriter();
        await using var bulk = await BulkWriter.OpenAsync(database);
        await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
        foreach (var chunk in generator.GenerateChunks(PopulationSize, 2_500))
        {
            await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
            Known.AddRange(chunk.Where(c => c.SocialCare is not null));
        }
    }
}

public sealed class SqliteSocialCareCohort : SocialCareCohortFixture;

public sealed class PostgresSocialCareCohort : SocialCareCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
