namespace ChildInfo.Subgraphs.Education.Schools;

/// <summary>A row of SCHOOL.</summary>
public sealed class SchoolRecord
{
    public int Urn { get; init; }
    public required string LaEstab { get; init; }
    public required string Name { get; init; }
    public required string Phase { get; init; }
    public string? Postcode { get; init; }
}
