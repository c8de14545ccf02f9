using ChildInfo.SampleData.Population;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Writes one agency's database from the synthetic population: its reference data once, then the children in
/// chunks. Everything a writer invents about a child comes from <see cref="GenerationContext.RandomFor"/>, so
/// the same seed always gives the same database.
/// </summary>
public interface IAgencyWriter
{
    /// <summary>The agency, one of <see cref="Agency"/>.</summary>
    string Agency { get; }

    /// <summary>The agency subgraph's table definitions.</summary>
    AgencySchema Schema { get; }

    /// <summary>Writes reference rows (schools, settings, organisations, teams, workers) once, before any child.</summary>
    Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken);

    /// <summary>Writes the rows for a chunk of children; children the agency does not know are skipped.</summary>
    Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken);
}
