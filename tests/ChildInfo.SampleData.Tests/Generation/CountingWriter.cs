using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Tests.Generation;

/// <summary>A minimal agency writer for testing the generator's plumbing: one row per child, one per school.</summary>
internal sealed class CountingWriter(string agency, int failOnChunk = -1) : IAgencyWriter
{
    private int _chunks;

    public string Agency => agency;

    public AgencySchema Schema { get; } = new("counting", """
        CREATE TABLE t_reference (ref_id INT NOT NULL PRIMARY KEY);
        CREATE TABLE t_child (child_id NVARCHAR(20) NOT NULL PRIMARY KEY, sequence_no INT NOT NULL, surname NVARCHAR(60) NOT NULL, dob DATE NOT NULL);
        """);

    public Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken) =>
        writer.InsertAsync("t_reference", ["ref_id"], context.Reference.Schools.Select(s => new object?[] { s.Urn }), cancellationToken);

    public Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _chunks) == failOnChunk)
        {
            throw new InvalidOperationException($"{agency} writer failed on purpose");
        }

        return writer.InsertAsync("t_child", ["child_id", "sequence_no", "surname", "dob"],
            children.Select(c => new object?[] { c.ChildId, c.Sequence, c.Truth.Surname, c.Truth.DateOfBirth }), cancellationToken);
    }
}
