namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>A wish of the child or family about how the agency's information about them is used, to be recorded by that agency.</summary>
public sealed record DataUseWishInput
{
    public string Code { get; init; } = "";
    public string DataCategory { get; init; } = "";
    public IReadOnlyList<string>? WithheldFromPurposes { get; init; }
    public IReadOnlyList<string>? WithheldFromAgencies { get; init; }
    public string ExpressedBy { get; init; } = "";
    public string Statement { get; init; } = "";
}
