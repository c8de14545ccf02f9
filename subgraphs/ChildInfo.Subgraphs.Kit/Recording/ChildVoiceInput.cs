namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>The child's own words as a practitioner heard them, to be recorded by the agency that holds the child's record.</summary>
public sealed record ChildVoiceInput
{
    public string Words { get; init; } = "";
    public string? WishesAndFeelings { get; init; }
    public string Setting { get; init; } = "";
    public string? Method { get; init; }
}
