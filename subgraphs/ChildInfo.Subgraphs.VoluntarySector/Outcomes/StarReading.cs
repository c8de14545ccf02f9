namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

/// <summary>One scale of a Star-style "journey of change" reading, 1–10, at baseline or a review.</summary>
public sealed record StarReading
{
    public required string ReadingId { get; init; }
    public required string ParticipantId { get; init; }
    public string? EngagementId { get; init; }

    /// <summary>Which star: MY_STAR (child, mainly 7–14) or FAMILY_STAR_PLUS (parent's voice).</summary>
    public required string StarName { get; init; }
    public required string ScaleName { get; init; }
    public int Score { get; init; }
    public DateOnly ReadingDate { get; init; }

    /// <summary>BASELINE or REVIEW.</summary>
    public required string ReadingType { get; init; }
}
