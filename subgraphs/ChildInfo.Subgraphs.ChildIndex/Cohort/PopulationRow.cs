namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>What the index holds about one child that its dimensions are worked out from.</summary>
public sealed class PopulationRow
{
    public string ChildId { get; init; } = "";

    public DateOnly Dob { get; init; }

    public string? Sex { get; init; }

    public string? Ethnicity { get; init; }

    public string? WardName { get; init; }

    public string? LsoaName { get; init; }

    public int? IdaciDecile { get; init; }
}
