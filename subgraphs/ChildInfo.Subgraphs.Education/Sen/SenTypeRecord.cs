namespace ChildInfo.Subgraphs.Education.Sen;

/// <summary>A row of PUPIL_SEN_TYPE: one ranked type of special educational need.</summary>
public sealed class SenTypeRecord
{
    public required string Upn { get; init; }
    public int Ranking { get; init; }
    public required string SenType { get; init; }
}
