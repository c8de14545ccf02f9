using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>A generated population written by the generator's education writer, behind a subgraph with a context key.</summary>
public abstract class EducationCohortFixture() : CohortFixture<EducationSubgraph>(new EducationSubgraph())
{
    private const int Children = 4_000;
    private readonly PopulationGenerator _generator = new(seed: 12);

    public override DateOnly ReferenceDate => _generator.ReferenceDate;

    public override string RecordKeysSql => "SELECT UPN FROM PUPIL";

    /// <summary>The pupils, as generated, by UPN.</summary>
    public Dictionary<string, SyntheticChild> Pupils { get; } = new(StringComparer.Ordinal);

    protected override async Task WriteAsync(AgencyDatabase database)
    {
        var writer = new EducationWriter();
        var context = new GenerationContext(_generator.Seed, _generator.ReferenceDate, _generator.Reference);
        await using var bulk = await BulkWriter.OpenAsync(database);
        await writer.WriteReferenceDataAsync(bulk, context, CancellationToken.None);
        foreach (var chunk in _generator.GenerateChunks(Children, 1_000))
        {
            await writer.WriteChildrenAsync(bulk, chunk, context, CancellationToken.None);
            foreach (var pupil in chunk.Where(c => c.Education is not null && c.Enrolments.Count > 0))
            {
                Pupils[pupil.Education!.LocalId] = pupil;
            }
        }
    }
}

public sealed class SqliteEducationCohort : EducationCohortFixture;

public sealed class PostgresEducationCohort : EducationCohortFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The cohort contract every agency keeps (<see cref="CohortContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteEducationCohortContractTests(SqliteEducationCohort fixture)
    : CohortContractTests<EducationSubgraph>(fixture), IClassFixture<SqliteEducationCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresEducationCohortContractTests(PostgresEducationCohort fixture)
    : CohortContractTests<EducationSubgraph>(fixture), IClassFixture<PostgresEducationCohort>;
