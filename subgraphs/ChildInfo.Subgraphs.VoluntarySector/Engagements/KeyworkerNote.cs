namespace ChildInfo.Subgraphs.VoluntarySector.Engagements;

/// <summary>
/// A keyworker's short note of a session. These are exactly what a young person may ask not to be shared
/// (for example with school), so they are a field of their own for policies to withhold.
/// </summary>
public sealed record KeyworkerNote
{
    public required string NoteId { get; init; }
    public required string EngagementId { get; init; }
    public required string ParticipantId { get; init; }
    public DateOnly NoteDate { get; init; }
    public string? SessionType { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }
}
