namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

/// <summary>A row of EYFSP; goals G01–G17 are the FSP_*_E01–E17 columns in order (1 emerging, 2 expected).</summary>
public sealed class EyfspRecord
{
    public required string EyChildId { get; init; }
    public required string AssessmentYear { get; init; }
    public int Urn { get; init; }

    /// <summary>1 when every GLD goal is at the expected level; worked out by the query.</summary>
    public int Gld { get; init; }

    public int G01 { get; init; }
    public int G02 { get; init; }
    public int G03 { get; init; }
    public int G04 { get; init; }
    public int G05 { get; init; }
    public int G06 { get; init; }
    public int G07 { get; init; }
    public int G08 { get; init; }
    public int G09 { get; init; }
    public int G10 { get; init; }
    public int G11 { get; init; }
    public int G12 { get; init; }
    public int G13 { get; init; }
    public int G14 { get; init; }
    public int G15 { get; init; }
    public int G16 { get; init; }
    public int G17 { get; init; }

    /// <summary>The seventeen outcomes in goal order.</summary>
    public int[] Outcomes() => [G01, G02, G03, G04, G05, G06, G07, G08, G09, G10, G11, G12, G13, G14, G15, G16, G17];
}
