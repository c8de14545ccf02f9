namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

/// <summary>Warwick-Edinburgh Mental Wellbeing Scale: 14 items, total 14–70 (validated ages 13–16).</summary>
public sealed record WemwbsScore(string WemwbsId, string ParticipantId, DateOnly CompletedDate, int TotalScore);
