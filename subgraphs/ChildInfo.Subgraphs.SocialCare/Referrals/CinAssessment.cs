namespace ChildInfo.Subgraphs.SocialCare.Referrals;

/// <summary>A child and family assessment with the factors identified at its end.</summary>
public sealed record CinAssessment
{
    public required string AssessmentId { get; init; }
    public required string PersonId { get; init; }
    public string? ReferralId { get; init; }
    public DateOnly? AssessmentActualStartDate { get; init; }
    public DateOnly? AssessmentAuthorisationDate { get; init; }
    public bool? ChildSeen { get; init; }
    public bool? NoFurtherAction { get; init; }

    /// <summary>FactorsIdentifiedAtAssessment (1A–24A), from <c>cinf_assessment_factors_json</c>.</summary>
    public IReadOnlyList<string> Factors { get; init; } = [];
    public string? TeamId { get; init; }
    public string? WorkerId { get; init; }
}
