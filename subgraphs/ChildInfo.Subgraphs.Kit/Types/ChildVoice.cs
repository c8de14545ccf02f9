namespace ChildInfo.Subgraphs.Kit.Types;

/// <summary>
/// The child's own words, wishes and feelings as an agency recorded them. Every agency subgraph carries these
/// as first-class records, so the joined-up view can put the child's voice first.
/// </summary>
public sealed record ChildVoice
{
    public required string VoiceId { get; init; }
    public required string OwnerId { get; init; }
    public required DateTime RecordedOn { get; init; }
    public required string Words { get; init; }
    public string? WishesAndFeelings { get; init; }
    public required string RecordedBy { get; init; }
    public required string Setting { get; init; }
    public string? Method { get; init; }
}
