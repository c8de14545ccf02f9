namespace ChildInfo.Subgraphs.Kit.Types;

/// <summary>
/// A wish of the child or family about how their information is used, recorded by an agency
/// ("don't share my youth-worker notes with school", "no research use"). Policies honour these.
/// </summary>
public sealed record DataUsePreference
{
    public required string PreferenceId { get; init; }
    public required string OwnerId { get; init; }

    /// <summary>Stable code, for example <c>NO_RESEARCH_USE</c> or <c>NOT_WITH_EDUCATION</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Which of this agency's data it covers: ALL, VOICE, NOTES, HEALTH, ENGAGEMENTS.</summary>
    public required string DataCategory { get; init; }

    /// <summary>Comma-separated purpose ids the data must not be used for (empty: none named).</summary>
    public string WithheldFromPurposes { get; init; } = "";

    /// <summary>Comma-separated agencies the data must not go to (empty: none named).</summary>
    public string WithheldFromAgencies { get; init; } = "";

    /// <summary>CHILD, PARENT or CARER.</summary>
    public required string ExpressedBy { get; init; }

    /// <summary>The wish in the words it was given.</summary>
    public required string Statement { get; init; }

    public required DateTime RecordedOn { get; init; }
    public required string RecordedBy { get; init; }
}
