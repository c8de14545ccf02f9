namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

/// <summary>A Strengths and Difficulties Questionnaire: five subscales of 0–10 each.</summary>
public sealed record SdqScore
{
    public required string SdqId { get; init; }
    public required string ParticipantId { get; init; }
    public DateOnly CompletedDate { get; init; }

    /// <summary>SELF (ages 11+), PARENT or TEACHER.</summary>
    public required string Respondent { get; init; }
    public int Emotional { get; init; }
    public int Conduct { get; init; }
    public int Hyperactivity { get; init; }
    public int PeerProblems { get; init; }
    public int Prosocial { get; init; }

    /// <summary>Emotional + conduct + hyperactivity + peer problems (0–40); prosocial is not a difficulty.</summary>
    public int TotalDifficulties { get; init; }
    public string Band => SdqBand.For(Respondent, TotalDifficulties);
}
